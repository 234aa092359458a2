package org.improvementhub.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.kafka.TestKafka;

/** The plans service's action events (with the whole action), as it publishes them. */
public final class ActionEvents {

  private ActionEvents() {}

  /** A person named in a plan. */
  public record Person(String name, String email) {
    String json() {
      return "{\"name\":\"%s\",\"email\":\"%s\",\"role\":null}".formatted(name, email);
    }
  }

  /** One action of one council, as the events' snapshot carries it. */
  public record Action(
      String council,
      UUID actionId,
      String ref,
      String title,
      List<Person> leads,
      LocalDate dueDate,
      String rag,
      LocalDate completedOn,
      Person programmeManager) {

    public static Action of(
        String council, String ref, LocalDate due, Person manager, Person... leads) {
      return new Action(
          council,
          UUID.randomUUID(),
          ref,
          "Action " + ref + " of the plan",
          List.of(leads),
          due,
          "AMBER",
          null,
          manager);
    }

    public Action dueOn(LocalDate newDue) {
      return new Action(
          council, actionId, ref, title, leads, newDue, rag, completedOn, programmeManager);
    }

    public Action completedOn(LocalDate day) {
      return new Action(
          council, actionId, ref, title, leads, dueDate, "BLUE", day, programmeManager);
    }

    String snapshot() {
      return ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"%s\",\"leads\":[%s],"
              + "\"startDate\":\"2026-09-01\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\","
              + "\"completedOn\":%s,\"programmeId\":\"%s\",\"programmeManager\":%s}")
          .formatted(
              actionId,
              ref,
              title,
              leads.stream().map(Person::json).collect(Collectors.joining(",")),
              dueDate,
              rag,
              completedOn == null ? "null" : "\"" + completedOn + "\"",
              UUID.nameUUIDFromBytes(council.getBytes()),
              programmeManager == null ? "null" : programmeManager.json());
    }

    private void publish(String type, String data) {
      publish(UUID.randomUUID(), type, data);
    }

    private void publish(UUID eventId, String type, String data) {
      TestKafka.shared()
          .publish(
              OverdueEvents.TOPIC,
              council,
              TestCouncils.envelope(eventId, type, council, actionId.toString(), data));
    }

    public void created() {
      created(UUID.randomUUID());
    }

    /** Publishes its {@code ActionCreated} with the given event id (to deliver it again). */
    public void created(UUID eventId) {
      Person first = leads.isEmpty() ? new Person("", "") : leads.get(0);
      publish(
          eventId,
          "ActionCreated",
          ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"%s\",\"leadName\":\"%s\","
                  + "\"leadEmail\":\"%s\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\",\"action\":%s}")
              .formatted(
                  actionId, ref, title, first.name(), first.email(), dueDate, rag, snapshot()));
    }

    public void progressReported(String period, String note) {
      publish(
          "ActionProgressReported",
          ("{\"action\":%s,\"period\":\"%s\",\"ragStatus\":\"%s\",\"previousRagStatus\":null,"
                  + "\"note\":\"%s\",\"reportedBy\":\"pm\",\"reportedAt\":\"2027-03-01T10:00:00Z\"}")
              .formatted(snapshot(), period, rag, note));
    }

    public void dueDateRevised(LocalDate previous) {
      publish(
          "ActionDueDateRevised",
          "{\"action\":%s,\"previousDueDate\":\"%s\",\"newDueDate\":\"%s\",\"reason\":\"agreed\"}"
              .formatted(snapshot(), previous, dueDate));
    }

    public void completed() {
      publish(
          "ActionCompleted",
          "{\"action\":%s,\"completedOn\":\"%s\"}".formatted(snapshot(), completedOn));
    }

    /**
     * Withdrawn from the plan on {@code day}; the snapshot, as older publishers sent it, omits it.
     */
    public void withdrawn(LocalDate day) {
      publish(
          "ActionWithdrawn",
          "{\"action\":%s,\"withdrawnOn\":\"%s\",\"reason\":\"No longer in the plan\"}"
              .formatted(snapshot(), day));
    }

    public void fellOverdue(LocalDate detectedOn) {
      Person first = leads.isEmpty() ? new Person("", "") : leads.get(0);
      publish(
          "ActionFellOverdue",
          ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"%s\",\"leadName\":\"%s\","
                  + "\"leadEmail\":\"%s\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\","
                  + "\"detectedOn\":\"%s\",\"leads\":null,\"action\":%s}")
              .formatted(
                  actionId,
                  ref,
                  title,
                  first.name(),
                  first.email(),
                  dueDate,
                  rag,
                  detectedOn,
                  snapshot()));
    }
  }
}
