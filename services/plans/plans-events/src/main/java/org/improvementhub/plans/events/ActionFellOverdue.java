package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action not yet complete passed its due date. Published once per action per due date, by the
 * daily overdue scan. Topic {@value #TOPIC}. {@code leadName}/{@code leadEmail} are the first lead;
 * {@code leads} and {@code action} carry all of them and the whole action (nullable: older events).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionFellOverdue(
    UUID actionId,
    String ref,
    String title,
    String leadName,
    String leadEmail,
    LocalDate dueDate,
    String ragStatus,
    LocalDate detectedOn,
    @Nullable List<PlanPerson> leads,
    @Nullable ActionSnapshot action) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionFellOverdue";
}
