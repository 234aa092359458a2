package org.improvementhub.plans.events;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action not yet complete passed its due date. Published once per action per due date, by the
 * daily overdue scan. Topic {@value #TOPIC}.
 */
@Serdeable
public record ActionFellOverdue(
    UUID actionId,
    String ref,
    String title,
    String leadName,
    String leadEmail,
    LocalDate dueDate,
    String ragStatus,
    LocalDate detectedOn) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionFellOverdue";
}
