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
import java.util.function.Predicate;
import org.improvementhub.notifications.ActionEvents.Action;
import org.improvementhub.notifications.ActionEvents.Person;
import org.improvementhub.testsupport.CouncilTestBed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Emails queued but not sent yet (the sender held back for the whole test) are dropped, shown as
 * CANCELLED in the delivery log, when their action is completed or its due date moves; the email
 * for the new due date is queued in their place.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationIT implements TestPropertyProvider {

  /** Wednesday 10 April 2030. */
  private static final LocalDate TODAY = LocalDate.of(2030, 4, 10);

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.fixed-clock", "2030-04-10T09:00:00Z")
          .with("hub.notifications.dispatch.initial-delay", "1h");
  private final String council = bed.council("thurrock", "Thurrock Council", 883);
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

  private List<JsonNode> awaitEntries(Person person, Predicate<List<JsonNode>> done) {
    return log.awaitEntries(person.email(), done);
  }

  private static String status(JsonNode entry) {
    return entry.get("status").asText();
  }

  @Test
  void aQueuedReminderIsCancelledWhenTheActionIsCompleted() {
    Person lead = new Person("Cam Lead", OverdueEvents.uniqueAddress("cam"));
    Action action = Action.of(council, "1.1.1", TODAY.plusDays(5), null, lead);
    action.created();
    assertThat(awaitEntries(lead, e -> e.size() == 1))
        .singleElement()
        .satisfies(e -> assertThat(status(e)).isEqualTo("QUEUED"));

    action.completedOn(TODAY).completed();
    JsonNode cancelled =
        awaitEntries(lead, e -> e.size() == 1 && status(e.get(0)).equals("CANCELLED")).get(0);
    assertThat(cancelled.get("kind").asText()).isEqualTo("REMINDER");
    assertThat(cancelled.get("lastError").asText()).contains("completed");
  }

  @Test
  void aQueuedReminderIsCancelledWhenTheActionIsWithdrawn() {
    Person lead = new Person("Wyn Lead", OverdueEvents.uniqueAddress("wyn"));
    Action action = Action.of(council, "1.1.3", TODAY.plusDays(5), null, lead);
    action.created();
    awaitEntries(lead, e -> e.size() == 1);

    action.withdrawn(TODAY);
    JsonNode cancelled =
        awaitEntries(lead, e -> e.size() == 1 && status(e.get(0)).equals("CANCELLED")).get(0);
    assertThat(cancelled.get("kind").asText()).isEqualTo("REMINDER");
    assertThat(cancelled.get("lastError").asText()).contains("withdrawn");
  }

  @Test
  void aQueuedReminderIsCancelledWhenTheDueDateMovesAndTheNewDateGetsItsOwn() {
    Person lead = new Person("Dee Lead", OverdueEvents.uniqueAddress("dee"));
    LocalDate first = TODAY.plusDays(5);
    LocalDate revised = TODAY.plusDays(6);
    Action action = Action.of(council, "1.1.2", first, null, lead);
    action.created();
    awaitEntries(lead, e -> e.size() == 1);

    action.dueOn(revised).dueDateRevised(first);
    List<JsonNode> entries =
        awaitEntries(
            lead, e -> e.size() == 2 && e.stream().anyMatch(d -> status(d).equals("CANCELLED")));
    assertThat(entries)
        .filteredOn(d -> d.get("dueDate").asText().equals(first.toString()))
        .singleElement()
        .satisfies(d -> assertThat(status(d)).isEqualTo("CANCELLED"));
    assertThat(entries)
        .filteredOn(d -> d.get("dueDate").asText().equals(revised.toString()))
        .singleElement()
        .satisfies(d -> assertThat(status(d)).isEqualTo("QUEUED"));
  }
}
