package org.improvementhub.plans.tree;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A plan item as the API shows it; {@code level} is the council's name for its depth. */
@Serdeable
public record PlanItemView(
    UUID id,
    UUID programmeId,
    UUID parentId,
    int depth,
    String level,
    int position,
    String ref,
    String title,
    String description,
    String successCriteria,
    String owner,
    Instant createdAt,
    Instant updatedAt) {

  static PlanItemView of(PlanItem item, String level) {
    return new PlanItemView(
        item.id(),
        item.programmeId(),
        item.parentId(),
        item.depth(),
        level,
        item.position(),
        item.ref(),
        item.title(),
        item.description(),
        item.successCriteria(),
        item.owner(),
        item.createdAt(),
        item.updatedAt());
  }
}
