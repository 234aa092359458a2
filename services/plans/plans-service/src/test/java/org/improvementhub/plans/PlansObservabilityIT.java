package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.improvementhub.plans.overdue.OverdueScan;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * What operators scrape from plans: actions overdue per council (as of the last scan), the outbox's
 * backlog and age, and the Kafka consumers' lag, each with a real value.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansObservabilityIT implements TestPropertyProvider {

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.plans.overdue-scan.after-start", "1h")
          .with("hub.outbox.backlog.reading-lifetime", "0s");
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String solihull = TestCouncils.uniqueSlug("solihull");
  private final String manager = TestTokens.shared().councilUser(walsall, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  @Inject OverdueScan scan;
  private HubApi api;
  // the tests share Walsall: each overdue, incomplete action it creates is counted here
  private final AtomicInteger overdueInWalsall = new AtomicInteger();

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), walsall, "Walsall", 335);
    TestCouncils.provision(properties.database(), solihull, "Solihull", 334);
    for (String council : new String[] {walsall, solihull}) {
      api.awaitGet(
          "/councils/" + council + "/actions",
          TestTokens.shared().platformAdmin(),
          r -> r.status() == 200,
          Duration.ofSeconds(30));
    }
  }

  private void create(String ref, LocalDate due, String rag) {
    if (due.isBefore(LocalDate.now()) && !rag.equals("BLUE")) {
      overdueInWalsall.incrementAndGet();
    }
    assertThat(
            api.post(
                    "/councils/" + walsall + "/actions",
                    manager,
                    """
                    {"ref":"%s","title":"Audit case files","lead":{"name":"Alex Lead","email":"alex@walsall.example"},"dueDate":"%s","ragStatus":"%s"}
                    """
                        .formatted(ref, due, rag))
                .status())
        .isEqualTo(201);
  }

  private String scrape() {
    var response = api.send(api.request("/prometheus", null).setHeader("Accept", "text/plain"));
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The first sample of {@code name} whose labels contain {@code label}, if any. */
  private static OptionalDouble sample(String scrape, String name, String label) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE)
            .matcher(scrape);
    while (line.find()) {
      if (line.group(1).contains(label)) {
        return OptionalDouble.of(Double.parseDouble(line.group(2)));
      }
    }
    return OptionalDouble.empty();
  }

  @Test
  void actionsOverduePerCouncilAsOfTheLastScan() {
    create("1.1", LocalDate.now().minusDays(3), "AMBER");
    create("1.2", LocalDate.now().minusDays(1), "RED");
    create("1.3", LocalDate.now().minusDays(1), "BLUE");
    create("1.4", LocalDate.now().plusDays(10), "GREEN");

    scan.scanAll();

    String scrape = scrape();
    assertThat(overdueInWalsall.get()).isGreaterThanOrEqualTo(2);
    assertThat(sample(scrape, "hub_plans_actions_overdue", "council=\"" + walsall + "\""))
        .hasValue(overdueInWalsall.get());
    assertThat(sample(scrape, "hub_plans_actions_overdue", "council=\"" + solihull + "\""))
        .hasValue(0);
    assertThat(scrape).contains("service=\"plans\"");
  }

  @Test
  void theOverdueScanLogsEachCouncilsLinesWithItsCouncil() {
    Logger logger = (Logger) LoggerFactory.getLogger(OverdueScan.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      create("2.1", LocalDate.now().minusDays(5), "RED");
      scan.scanAll();
    } finally {
      logger.detachAppender(lines);
    }

    assertThat(lines.list)
        .filteredOn(line -> line.getFormattedMessage().contains("fell overdue in " + walsall))
        .singleElement()
        .satisfies(line -> assertThat(line.getMDCPropertyMap()).containsEntry("council", walsall));
    assertThat(org.slf4j.MDC.get("council")).as("nothing left on the scanning thread").isNull();
  }

  @Test
  void outboxBacklogAndAgeAreExposed() {
    String scrape = scrape();
    assertThat(sample(scrape, "hub_outbox_unsent", "service=\"plans\"")).isPresent();
    assertThat(sample(scrape, "hub_outbox_unsent", "service=\"plans\"").getAsDouble())
        .isGreaterThanOrEqualTo(0);
    assertThat(sample(scrape, "hub_outbox_oldest_unsent_age_seconds", "service=\"plans\""))
        .isPresent();
  }

  @Test
  void consumerLagIsExposedPerTopicPartition() {
    // Kafka's own consumer metrics: records behind the end of each assigned partition
    String lag =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(this::scrape, s -> s.contains("kafka_consumer_records_lag_records{"));
    OptionalDouble councilTopic =
        sample(lag, "kafka_consumer_records_lag_records", "topic=\"tenancy.council.v1\"");
    assertThat(councilTopic).as("the council listener's lag on tenancy.council.v1").isPresent();
    assertThat(councilTopic.getAsDouble()).isGreaterThanOrEqualTo(0);
  }
}
