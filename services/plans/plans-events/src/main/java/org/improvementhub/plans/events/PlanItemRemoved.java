package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** A plan item was removed from its plan. Topic {@value PlanItemSaved#TOPIC}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanItemRemoved(UUID itemId, UUID programmeId) {
  public static final String TYPE = "PlanItemRemoved";
}
