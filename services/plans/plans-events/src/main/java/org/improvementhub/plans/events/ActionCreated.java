package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.UUID;

/** An improvement action was added to a council's plan. Topic {@value #TOPIC}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionCreated(
    UUID actionId,
    String ref,
    String title,
    String leadName,
    String leadEmail,
    LocalDate dueDate,
    String ragStatus,
    @Nullable ActionSnapshot action) {
  public static final String TOPIC = "plans.action.v1";
  public static final String TYPE = "ActionCreated";
}
