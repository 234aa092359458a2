package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.notifications.DeliveryLog.attempts;
import static org.improvementhub.notifications.DeliveryLog.hasStatus;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.CouncilTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service's own SMTP server, on ports chosen here, is down when the first email is due: the
 * email waits and is retried with back-off, and arrives once when the server is back. A mailbox the
 * server refuses with 550 is recorded as failed at once and does not hold up the next email.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SmtpFaultsIT implements TestPropertyProvider {

  /** "Today" is Wednesday 10 April 2030; the actions were due the Friday before. */
  private static final LocalDate DUE = LocalDate.of(2030, 4, 5);

  private final LateMailServer mailServer = new LateMailServer();
  private final CouncilTestBed bed =
      mailServer.sendingFrom(
          CouncilTestBed.freshDatabase()
              .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z")),
          100);
  private final String council = bed.council("walsall", "Walsall Council", 335);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");

  @Inject EmbeddedServer server;
  private DeliveryLog log;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    log = new DeliveryLog(bed.start(server.getURL(), "/email-deliveries"), council, admin);
  }

  @AfterAll
  void stopMailServer() {
    mailServer.close();
  }

  @Test
  @Order(1)
  void anEmailDueWhileTheServerIsDownArrivesOnceItIsBack() {
    String lead = OverdueEvents.uniqueAddress("kim");
    Overdue.of(council, "1.1.1", lead, DUE).publish();

    JsonNode waiting = log.awaitEntry(lead, d -> hasStatus(d, "QUEUED") && attempts(d) >= 3);
    assertThat(waiting.get("lastError").asText()).containsIgnoringCase("connect");
    assertThat(waiting.hasNonNull("sentAt")).isFalse();

    Mailboxes mail = mailServer.start();
    assertThat(mail.await(lead, 1)).hasSize(1);

    JsonNode sent = log.awaitEntry(lead, d -> hasStatus(d, "SENT"));
    assertThat(attempts(sent)).isGreaterThan(attempts(waiting));
    assertThat(sent.hasNonNull("lastError")).isFalse();
    assertThat(sent.hasNonNull("sentAt")).isTrue();
    assertThat(mail.read(lead)).hasSize(1);
  }

  @Test
  @Order(2)
  void aPermanentRefusalIsRecordedAsFailedAndTheNextEmailStillGoes() {
    String refused = OverdueEvents.uniqueAddress(RefusingMailServer.UNKNOWN_MAILBOX);
    String lead = OverdueEvents.uniqueAddress("lee");
    Overdue.of(council, "2.1.1", refused, DUE).publish();
    Overdue.of(council, "2.1.2", lead, DUE).publish();

    JsonNode failed = log.awaitEntry(refused, d -> hasStatus(d, "FAILED"));
    assertThat(failed.get("lastError").asText()).contains("550 5.1.1");
    assertThat(attempts(failed)).isEqualTo(1);

    Mailboxes mail = mailServer.mailboxes();
    assertThat(mail.await(lead, 1)).hasSize(1);
    assertThat(log.awaitEntry(lead, d -> hasStatus(d, "SENT"))).isNotNull();
    assertThat(mail.read(refused)).isEmpty();
  }
}
