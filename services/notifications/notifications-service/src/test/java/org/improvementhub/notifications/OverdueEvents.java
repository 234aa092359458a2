package org.improvementhub.notifications;

import java.time.LocalDate;
import java.util.UUID;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.kafka.TestKafka;

/** {@code ActionFellOverdue} events as the plans service publishes them. */
public final class OverdueEvents {

  public static final String TOPIC = "plans.action.v1";

  private OverdueEvents() {}

  /** An overdue action of one council; {@link #event} writes its envelope. */
  public record Overdue(
      String council,
      UUID actionId,
      String ref,
      String title,
      String leadName,
      String leadEmail,
      LocalDate dueDate,
      String rag) {

    public static Overdue of(String council, String ref, String leadEmail, LocalDate dueDate) {
      return new Overdue(
          council,
          UUID.randomUUID(),
          ref,
          "Recruit permanent social workers",
          "Alex Lead",
          leadEmail,
          dueDate,
          "AMBER");
    }

    public Overdue withLead(String name, String email) {
      return new Overdue(council, actionId, ref, title, name, email, dueDate, rag);
    }

    public Overdue withTitle(String newTitle) {
      return new Overdue(council, actionId, ref, newTitle, leadName, leadEmail, dueDate, rag);
    }

    /** The envelope of one announcement of this action; each event id is a distinct event. */
    public String event(UUID eventId) {
      String data =
          ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"%s\",\"leadName\":\"%s\","
                  + "\"leadEmail\":\"%s\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\","
                  + "\"detectedOn\":\"%s\"}")
              .formatted(
                  actionId,
                  quoted(ref),
                  quoted(title),
                  quoted(leadName),
                  quoted(leadEmail),
                  dueDate,
                  rag,
                  dueDate.plusDays(1));
      return TestCouncils.envelope(
          eventId, "ActionFellOverdue", council, actionId.toString(), data);
    }

    public void publish(UUID eventId) {
      TestKafka.shared().publish(TOPIC, council, event(eventId));
    }

    public void publish() {
      publish(UUID.randomUUID());
    }
  }

  /** {@code text} as the inside of a JSON string. */
  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** A unique address, so that tests sharing the mail server never read each other's mail. */
  public static String uniqueAddress(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@council.example";
  }
}
