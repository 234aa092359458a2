package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** The action's due date moved; pending reminders for the old date no longer apply. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionDueDateRevised(
    ActionSnapshot action, LocalDate previousDueDate, LocalDate newDueDate, String reason) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionDueDateRevised";
}
