package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A period's progress report: its RAG and review note. Topic {@value #TOPIC}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionProgressReported(
    ActionSnapshot action,
    String period,
    String ragStatus,
    @Nullable String previousRagStatus,
    @Nullable String note,
    String reportedBy,
    Instant reportedAt) {
  public static final String TOPIC = ActionCreated.TOPIC;
  public static final String TYPE = "ActionProgressReported";
}
