package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An overdue email sent for one council moves that council's emails-sent counter, as Prometheus
 * scrapes it from {@code /prometheus}, and not another council's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailMetricsIT implements TestPropertyProvider {

  private static final LocalDate DUE = LocalDate.of(2030, 4, 5);

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String solihull = bed.council("solihull", "Solihull Council", 334);
  private final String coventry = bed.council("coventry", "Coventry City Council", 331);
  private final Mailboxes mail = Mailboxes.shared();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/email-deliveries");
  }

  @Test
  void anOverdueEmailCountsForItsOwnCouncilOnly() {
    String before = scrape();
    double solihullBefore = sent(before, solihull);
    double coventryBefore = sent(before, coventry);
    double windowsBefore = completionWindows(before);

    String lead = OverdueEvents.uniqueAddress("mo");
    Overdue.of(solihull, "1.2.3", lead, DUE).publish();
    assertThat(mail.await(lead, 1)).hasSize(1);

    String after =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(this::scrape, scrape -> sent(scrape, solihull) > solihullBefore);
    assertThat(sent(after, solihull)).isEqualTo(solihullBefore + 1);
    assertThat(sent(after, coventry)).isEqualTo(coventryBefore);
    assertThat(metric(after, "hub_notifications_emails_failed_total", solihull)).isZero();
    // the interval in which a crash would have sent it twice, measured for every email sent
    assertThat(completionWindows(after)).isGreaterThan(windowsBefore);
  }

  private static double completionWindows(String scrape) {
    Matcher line =
        Pattern.compile(
                "^hub_notifications_emails_completion_window_seconds_count(\\{[^}]*})? (\\S+)$",
                Pattern.MULTILINE)
            .matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(2)) : 0;
  }

  private String scrape() {
    // Prometheus' own format: the API client's default Accept (JSON) would be refused with 406.
    var response = api.send(api.request("/prometheus", null).setHeader("Accept", "text/plain"));
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private static double sent(String scrape, String council) {
    return metric(scrape, "hub_notifications_emails_sent_total", council);
  }

  /** The value of {@code name} for {@code council} in a Prometheus scrape; 0 if it is not there. */
  private static double metric(String scrape, String name, String council) {
    Matcher line =
        Pattern.compile(
                "^"
                    + Pattern.quote(name)
                    + "\\{[^}]*council=\""
                    + Pattern.quote(council)
                    + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }
}
