package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/** The action was completed (reported Blue); nothing more is due of it. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCompleted(ActionSnapshot action, LocalDate completedOn) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionCompleted";
}
