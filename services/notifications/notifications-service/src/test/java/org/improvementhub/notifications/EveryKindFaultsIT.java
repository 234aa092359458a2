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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.improvementhub.notifications.ActionEvents.Person;
import org.improvementhub.notifications.EveryKindOfEmail.Expected;
import org.improvementhub.notifications.schedule.ScheduleScan;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The delivery faults, for every kind of email (reminder, overdue, repeat, escalation, digest): the
 * service's own SMTP server is down while they come due, and each arrives once when it is back,
 * with the right content, whatever the duplicated events and repeated scans; addresses the server
 * refuses with 550 are recorded as failed after one attempt, while the same kinds to other people
 * go. The clock is moved from Monday to Monday and ticks in between, so back-off retries come due.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryKindFaultsIT implements TestPropertyProvider {

  private static final LocalDate FIRST_MONDAY = LocalDate.of(2030, 6, 10);
  private static final LocalDate SECOND_MONDAY = LocalDate.of(2030, 6, 17);

  private final LateMailServer mailServer = new LateMailServer();
  private final CouncilTestBed bed =
      mailServer.sendingFrom(
          CouncilTestBed.freshDatabase()
              .with("hub.test.movable-clock", "2030-06-03T07:00:00Z")
              .with("hub.test.movable-clock-ticks", "true")
              .with("hub.notifications.schedule.initial-delay", "1h")
              .with("hub.notifications.schedule.interval", "1h"),
          1000);
  private final String council = bed.council("sandwell", "Sandwell Council", 333);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");

  @Inject EmbeddedServer server;
  @Inject MovableClock clock;
  @Inject ScheduleScan scan;
  private HubApi api;
  private DeliveryLog log;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/email-deliveries");
    log = new DeliveryLog(api, council, admin);
  }

  @AfterAll
  void stopMailServer() {
    mailServer.close();
  }

  private void chooseDigest(Person person) {
    assertThat(
            api.put(
                    "/councils/" + council + "/notification-preferences/" + person.email(),
                    admin,
                    "{\"mode\":\"DIGEST\"}")
                .status())
        .isEqualTo(200);
  }

  @Test
  @Order(1)
  void everyKindDueWhileTheServerIsDownArrivesOnceItIsBack() {
    EveryKindOfEmail day = new EveryKindOfEmail(council, FIRST_MONDAY, 1, "down");
    Person chasedLead = recipientOf(day, "OVERDUE_REPEAT");
    clock.moveTo(FIRST_MONDAY.minusDays(7));
    chooseDigest(day.digestReader());
    day.weekBefore();
    JsonNode firstChase = awaitEntry(chasedLead, d -> attempts(d) >= 2);
    assertThat(firstChase.get("status").asText()).isEqualTo("QUEUED");
    assertThat(firstChase.get("lastError").asText()).containsIgnoringCase("connect");

    clock.moveTo(FIRST_MONDAY);
    day.onTheDay();
    awaitEntry(recipientOf(day, "ESCALATION"), d -> true);
    assertThat(scan.scanAll()).as("the repeat and the digest").isEqualTo(2);
    assertThat(scan.scanAll()).as("the same day again").isZero();
    for (Expected email : day.onTheDaysEmails()) {
      JsonNode waiting = awaitEntry(email.recipient(), d -> isKind(d, email) && attempts(d) >= 1);
      assertThat(waiting.get("status").asText()).as(email.kind().name()).isEqualTo("QUEUED");
      assertThat(waiting.get("lastError").asText()).containsIgnoringCase("connect");
    }

    Mailboxes mail = mailServer.start();
    for (Expected email : day.onTheDaysEmails()) {
      assertArrived(mail, day, email);
      awaitEntry(email.recipient(), d -> isKind(d, email) && hasStatus(d, "SENT"));
    }

    // The same actions again (new events), another scan: nothing more for anyone.
    day.onTheDay();
    awaitEntry(recipientOf(day, "ESCALATION"), d -> true);
    assertThat(scan.scanAll()).isZero();
    day.completeAll(FIRST_MONDAY);
    awaitBarrier(mail, "first");
    for (Expected email : day.onTheDaysEmails()) {
      assertThat(mail.read(email.recipient().email()))
          .as("mail of %s", email.kind())
          .hasSize(day.mailOf(email));
      assertThat(log.entriesFor(email.recipient().email()))
          .as("log of %s", email.kind())
          .hasSize(day.mailOf(email))
          .allMatch(d -> hasStatus(d, "SENT"));
    }
  }

  @Test
  @Order(2)
  void everyKindRefusedForGoodIsRecordedFailedAndTheSameKindsToOthersGo() {
    EveryKindOfEmail refused =
        new EveryKindOfEmail(council, SECOND_MONDAY, 2, RefusingMailServer.UNKNOWN_MAILBOX);
    EveryKindOfEmail accepted = new EveryKindOfEmail(council, SECOND_MONDAY, 3, "fine");
    Mailboxes mail = mailServer.mailboxes();
    chooseDigest(refused.digestReader());
    chooseDigest(accepted.digestReader());
    refused.weekBefore();
    accepted.weekBefore();
    awaitEntry(recipientOf(refused, "OVERDUE_REPEAT"), d -> hasStatus(d, "FAILED"));
    assertThat(mail.await(recipientOf(accepted, "OVERDUE_REPEAT").email(), 1)).hasSize(1);

    clock.moveTo(SECOND_MONDAY);
    refused.onTheDay();
    accepted.onTheDay();
    awaitEntry(recipientOf(accepted, "ESCALATION"), d -> true);
    assertThat(scan.scanAll()).as("two repeats and two digests").isEqualTo(4);

    for (Expected email : refused.onTheDaysEmails()) {
      JsonNode failed =
          awaitEntry(email.recipient(), d -> isKind(d, email) && hasStatus(d, "FAILED"));
      assertThat(failed.get("lastError").asText()).as(email.kind().name()).contains("550 5.1.1");
      assertThat(attempts(failed)).as(email.kind().name()).isEqualTo(1);
    }
    for (Expected email : accepted.onTheDaysEmails()) {
      assertArrived(mail, accepted, email);
      awaitEntry(email.recipient(), d -> isKind(d, email) && hasStatus(d, "SENT"));
    }
    refused.completeAll(SECOND_MONDAY);
    accepted.completeAll(SECOND_MONDAY);
    awaitBarrier(mail, "second");
    for (Expected email : refused.onTheDaysEmails()) {
      assertThat(mail.read(email.recipient().email())).as(email.kind().name()).isEmpty();
    }
    for (Expected email : accepted.onTheDaysEmails()) {
      assertThat(mail.read(email.recipient().email()))
          .as("mail of %s", email.kind())
          .hasSize(accepted.mailOf(email));
    }
  }

  private void assertArrived(Mailboxes mail, EveryKindOfEmail day, Expected email) {
    List<ReceivedMail> received = mail.await(email.recipient().email(), day.mailOf(email));
    assertThat(received).as("mail of %s", email.kind()).hasSize(day.mailOf(email));
    assertThat(received)
        .filteredOn(m -> m.subject().equals(email.subject()))
        .as("%s: %s", email.kind(), email.subject())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.body()).contains("Sandwell Council");
              email.body().forEach(part -> assertThat(m.body()).contains(part));
            });
  }

  /**
   * Publishes an action already in its reminder window and waits for its reminder: every event
   * published before it on the council's partition has then been applied and its email sent. The
   * barrier action is then completed, so that later scans ask nothing about it.
   */
  private void awaitBarrier(Mailboxes mail, String name) {
    Person barrier = new Person("Barrier", OverdueEvents.uniqueAddress(name));
    ActionEvents.Action action =
        ActionEvents.Action.of(
            council, "9.9." + name.length(), clock.today().plusDays(2), null, barrier);
    action.created();
    assertThat(mail.await(barrier.email(), 1)).hasSize(1);
    action.completedOn(clock.today()).completed();
  }

  private static Person recipientOf(EveryKindOfEmail day, String kind) {
    return day.onTheDaysEmails().stream()
        .filter(e -> e.kind().name().equals(kind))
        .findFirst()
        .orElseThrow()
        .recipient();
  }

  private static boolean isKind(JsonNode delivery, Expected email) {
    return delivery.get("kind").asText().equals(email.kind().name());
  }

  private JsonNode awaitEntry(Person person, Predicate<JsonNode> done) {
    return log.awaitEntry(person.email(), done);
  }
}
