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
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * People who chose the weekly digest get no single reminder or overdue email, and one digest on the
 * week's first working day (the Tuesday after Easter Monday 2027) listing their due-soon and
 * overdue actions; a programme manager's lists the overdue actions they manage.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.movable-clock", "2027-03-25T10:00:00Z")
          .with("hub.notifications.schedule.initial-delay", "1h")
          .with("hub.notifications.schedule.interval", "1h")
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = bed.council("sandwell", "Sandwell Council", 333);
  private final TestTokens tokens = TestTokens.shared();
  private final String admin = tokens.councilUser(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();

  private final Person dana = new Person("Dana Lead", OverdueEvents.uniqueAddress("dana"));
  private final Person manager = new Person("Max Manager", OverdueEvents.uniqueAddress("max"));
  private final Action dueSoon = Action.of(council, "3.1.1", LocalDate.of(2027, 3, 31), null, dana);
  private final Action overdue =
      Action.of(council, "3.1.2", LocalDate.of(2027, 3, 19), manager, dana);
  private final Action later = Action.of(council, "3.1.3", LocalDate.of(2027, 6, 1), null, dana);

  @Inject EmbeddedServer server;
  @Inject MovableClock clock;
  @Inject ScheduleScan scan;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  private String preferences() {
    return "/councils/" + council + "/notification-preferences";
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/notification-preferences");
  }

  private List<JsonNode> entriesFor(Person person) {
    return new DeliveryLog(api, council, admin).entriesFor(person.email());
  }

  @Test
  void digestPeopleGetOneWeeklyListAndNoSingleEmails() {
    for (Person person : List.of(dana, manager)) {
      ApiResponse chosen =
          api.put(preferences() + "/" + person.email(), admin, "{\"mode\":\"DIGEST\"}");
      assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
    }
    dueSoon.created();
    overdue.created();
    overdue.progressReported("2027-02", "Waiting for the new team to start");
    later.created();
    Person barrier = new Person("Barrier", OverdueEvents.uniqueAddress("barrier"));
    Action.of(council, "9.9.9", LocalDate.of(2027, 3, 30), null, barrier).created();
    assertThat(mail.await(barrier.email(), 1)).hasSize(1);
    assertThat(entriesFor(dana)).as("no single email to a digest person").isEmpty();

    clock.moveTo(LocalDate.of(2027, 3, 29)); // Easter Monday
    assertThat(scan.scanAll()).isZero();
    clock.moveTo(LocalDate.of(2027, 3, 30));
    scan.scanAll();

    ReceivedMail digest = mail.await(dana.email(), 1).get(0);
    assertThat(digest.subject()).isEqualTo("Your actions this week: 2 due soon or overdue");
    assertThat(digest.body())
        .contains("Sandwell Council")
        .contains("Dana Lead")
        .contains("3.1.1")
        .contains("due in 1 day")
        .contains("3.1.2")
        .contains("11 days overdue")
        .contains("Waiting for the new team to start")
        .doesNotContain("3.1.3");

    ReceivedMail managers = mail.await(manager.email(), 1).get(0);
    assertThat(managers.subject()).isEqualTo("Your actions this week: 1 due soon or overdue");
    assertThat(managers.body()).contains("3.1.2").contains("as programme manager");

    assertThat(scan.scanAll()).as("the same day again").isZero();
    clock.moveTo(LocalDate.of(2027, 3, 31));
    scan.scanAll(); // not the week's first working day: no digest (the barrier is now overdue)
    assertThat(entriesFor(dana))
        .singleElement()
        .satisfies(d -> assertThat(d.get("kind").asText()).isEqualTo("DIGEST"));
    assertThat(entriesFor(manager)).hasSize(1);
    assertThat(mail.read(dana.email())).hasSize(1);
  }

  @Test
  void aPreferenceNeedsAnAddressAndAKnownMode() {
    ApiResponse badAddress =
        api.put(preferences() + "/not-an-address", admin, "{\"mode\":\"DIGEST\"}");
    assertThat(badAddress.status()).isEqualTo(400);
    assertThat(badAddress.json().path("errors").findValuesAsText("field")).contains("email");
    ApiResponse badMode =
        api.put(preferences() + "/kim@sandwell.example", admin, "{\"mode\":\"NEVER\"}");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(badMode.isProblem()).isTrue();
    ApiResponse observer =
        api.put(
            preferences() + "/kim@sandwell.example", tokens.observer("*"), "{\"mode\":\"DIGEST\"}");
    assertThat(observer.status()).isEqualTo(403);
  }
}
