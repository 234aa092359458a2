package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * The council no longer pursues the action (it is gone from a newer version of its plan document,
 * or was dropped by the board): it stays in the plan's history but leaves RAG counts, overdue scans
 * and reminders. The snapshot carries {@code withdrawnOn} too, so a reader that only upserts
 * snapshots follows.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionWithdrawn(ActionSnapshot action, LocalDate withdrawnOn, String reason) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionWithdrawn";
}
