package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.notifications.ActionEvents.Action;
import org.improvementhub.notifications.ActionEvents.Person;
import org.improvementhub.notifications.schedule.ScheduleScan;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The schedule over Easter and April 2027, with the clock moved day by day and the scan run by the
 * test: a reminder whose day falls on Easter goes the Thursday before; an action due on a Friday is
 * chased on the Monday, not the Saturday; the chase is repeated a week later; the programme manager
 * hears 14 days after the due date and weekly after, or once only when the action has no lead to
 * email. Completed actions and moved due dates get nothing; each email arrives once, whatever the
 * scans and events.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleIT implements TestPropertyProvider {

  private static final LocalDate MONDAY_BEFORE_EASTER = LocalDate.of(2027, 3, 22);
  private static final LocalDate DUE_AFTER_EASTER = LocalDate.of(2027, 4, 5);
  private static final LocalDate DUE_FRIDAY = LocalDate.of(2027, 4, 9);

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.movable-clock", "2027-03-22T10:00:00Z")
          .with("hub.notifications.schedule.initial-delay", "1h")
          .with("hub.notifications.schedule.interval", "1h")
          .with("hub.notifications.action-link-base", "https://hub.example")
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = bed.council("walsall", "Walsall Council", 335);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();

  private final Person manager = person("Pat Manager", "pat");
  private final Person otherManager = person("Ola Manager", "ola");
  private final Person remindedLead = person("Ria Lead", "ria");
  private final Person completedLead = person("Cal Lead", "cal");
  private final Person movedLead = person("Mo Lead", "mo");
  private final Person chasedLead = person("Sam Lead", "sam");

  private final Action reminded = Action.of(council, "1.1.1", DUE_AFTER_EASTER, null, remindedLead);
  private final Action completed =
      Action.of(council, "1.1.2", DUE_AFTER_EASTER, null, completedLead);
  private final Action moved = Action.of(council, "1.1.3", DUE_AFTER_EASTER, null, movedLead);
  private final Action chased = Action.of(council, "2.1.1", DUE_FRIDAY, manager, chasedLead);
  private final Action leaderless =
      Action.of(council, "2.1.2", DUE_FRIDAY, otherManager, new Person("Nobody", "not known"));

  @Inject EmbeddedServer server;
  @Inject MovableClock clock;
  @Inject ScheduleScan scan;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  private static Person person(String name, String mailbox) {
    return new Person(name, OverdueEvents.uniqueAddress(mailbox));
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/email-deliveries");
  }

  /**
   * Publishes an action already in its reminder window and waits for its reminder: every event
   * published before it on the council's partition has then been applied.
   */
  private void awaitEventsApplied(String name) {
    Person barrier = person("Barrier", name);
    Action.of(council, "9.9." + name.length(), clock.today().plusDays(2), null, barrier).created();
    assertThat(mail.await(barrier.email(), 1)).hasSize(1);
  }

  private List<JsonNode> entriesFor(Person person) {
    return new DeliveryLog(api, council, admin).entriesFor(person.email());
  }

  @Test
  @Order(1)
  void actionsAreTrackedFromTheirEventsAndNothingIsDueYet() {
    clock.moveTo(MONDAY_BEFORE_EASTER);
    for (Action action : List.of(reminded, completed, moved, chased, leaderless)) {
      action.created();
    }
    chased.progressReported("2027-03", "Recruitment campaign launched");
    completed.completedOn(MONDAY_BEFORE_EASTER).completed();
    moved.dueOn(LocalDate.of(2027, 5, 28)).dueDateRevised(DUE_AFTER_EASTER);
    awaitEventsApplied("first");

    assertThat(scan.scanAll()).isZero();
    for (Person lead : List.of(remindedLead, completedLead, movedLead, chasedLead)) {
      assertThat(entriesFor(lead)).as("log of %s", lead.name()).isEmpty();
    }
  }

  @Test
  @Order(2)
  void theReminderWhoseDayIsEasterMondayGoesTheThursdayBefore() {
    clock.moveTo(LocalDate.of(2027, 3, 24));
    assertThat(scan.scanAll()).isZero();

    clock.moveTo(LocalDate.of(2027, 3, 25));
    scan.scanAll();
    List<ReceivedMail> mails = mail.await(remindedLead.email(), 1);
    assertThat(mails).hasSize(1);
    ReceivedMail reminder = mails.get(0);
    assertThat(reminder.subject()).isEqualTo("Due soon: action 1.1.1 — Action 1.1.1 of the plan");
    assertThat(reminder.body())
        .contains("Walsall Council")
        .contains("Ria Lead")
        .contains("Monday 5 April 2027")
        .contains("11 days")
        .contains("Amber")
        .contains("https://hub.example/councils/" + council + "/actions/" + reminded.actionId());

    assertThat(scan.scanAll()).as("the same day again").isZero();
  }

  @Test
  @Order(3)
  void aCompletedActionAndAMovedOneGetNoReminder() {
    assertThat(entriesFor(completedLead)).isEmpty();
    assertThat(entriesFor(movedLead)).isEmpty();
    assertThat(mail.read(completedLead.email())).isEmpty();
    assertThat(mail.read(movedLead.email())).isEmpty();
  }

  @Test
  @Order(4)
  void anActionDueOnFridayIsChasedOnMondayNotAtTheWeekend() {
    clock.moveTo(LocalDate.of(2027, 4, 10));
    assertThat(scan.scanAll()).isZero();
    clock.moveTo(LocalDate.of(2027, 4, 11));
    assertThat(scan.scanAll()).isZero();

    clock.moveTo(LocalDate.of(2027, 4, 12));
    scan.scanAll();
    ReceivedMail overdue = mail.await(chasedLead.email(), 1).get(0);
    assertThat(overdue.subject()).isEqualTo("Overdue: action 2.1.1 — Action 2.1.1 of the plan");
    assertThat(overdue.body())
        .contains("Sam Lead")
        .contains("Friday 9 April 2027")
        .contains("3 days")
        .contains("Recruitment campaign launched");

    ReceivedMail noLead = mail.await(otherManager.email(), 1).get(0);
    assertThat(noLead.subject()).startsWith("Escalation: action 2.1.2");
    assertThat(noLead.body()).contains("Ola Manager").contains("no lead with an email address");

    // The plans service's own overdue event about the same due date adds nothing.
    chased.fellOverdue(LocalDate.of(2027, 4, 10));
    awaitEventsApplied("second");
    assertThat(scan.scanAll()).isZero();
    assertThat(mail.read(chasedLead.email())).hasSize(1);
  }

  @Test
  @Order(5)
  void theChaseIsRepeatedAWeekLater() {
    clock.moveTo(LocalDate.of(2027, 4, 16));
    scan.scanAll();
    clock.moveTo(LocalDate.of(2027, 4, 19));
    scan.scanAll();
    List<ReceivedMail> mails = mail.await(chasedLead.email(), 2);
    assertThat(mails).hasSize(2);
    assertThat(mails)
        .filteredOn(m -> m.subject().startsWith("Still overdue: action 2.1.1"))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("10 days"));
    assertThat(scan.scanAll()).isZero();
  }

  @Test
  @Order(6)
  void theProgrammeManagerHearsWhenStillOverdueAfter14Days() {
    clock.moveTo(LocalDate.of(2027, 4, 22));
    scan.scanAll();
    assertThat(entriesFor(manager)).isEmpty();

    clock.moveTo(LocalDate.of(2027, 4, 23));
    scan.scanAll();
    ReceivedMail escalation = mail.await(manager.email(), 1).get(0);
    assertThat(escalation.subject())
        .isEqualTo("Escalation: action 2.1.1 — Action 2.1.1 of the plan is overdue");
    assertThat(escalation.body())
        .contains("Pat Manager")
        .contains("14 days")
        .contains("Sam Lead (" + chasedLead.email() + ")")
        .contains("Recruitment campaign launched");
    assertThat(scan.scanAll()).isZero();

    awaitEventsApplied("third");
    assertThat(mail.read(manager.email())).hasSize(1);
    assertThat(mail.read(otherManager.email())).hasSize(1);
    assertThat(mail.read(chasedLead.email())).hasSize(2);
    assertThat(mail.read(remindedLead.email()))
        .extracting(ReceivedMail::subject)
        .as("reminder, overdue, repeats, no escalation: no programme manager")
        .allMatch(s -> !s.startsWith("Escalation"));
  }

  @Test
  @Order(7)
  void theEscalationIsRepeatedAWeekLaterWhileStillOverdue() {
    clock.moveTo(LocalDate.of(2027, 4, 29));
    scan.scanAll();
    clock.moveTo(LocalDate.of(2027, 4, 30));
    scan.scanAll();
    List<ReceivedMail> escalations = mail.await(manager.email(), 2);
    assertThat(escalations).hasSize(2);
    assertThat(escalations)
        .filteredOn(m -> m.body().contains("21 days"))
        .singleElement()
        .satisfies(m -> assertThat(m.subject()).startsWith("Escalation: action 2.1.1"));
    assertThat(scan.scanAll()).isZero();

    awaitEventsApplied("fourth");
    assertThat(mail.read(manager.email())).hasSize(2);
    assertThat(mail.read(otherManager.email()))
        .as("an action with no lead escalates once per due date")
        .hasSize(1);
  }
}
