package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An item of a plan above the actions. {@code depth} 0 is the programme's first level; {@code
 * position} orders it among its siblings from 0.
 */
@MappedEntity("plan_item")
public record PlanItem(
    @Id @AutoPopulated UUID id,
    UUID programmeId,
    @Nullable UUID parentId,
    int depth,
    int position,
    String ref,
    String title,
    @Nullable String description,
    @Nullable String successCriteria,
    @Nullable String owner,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  PlanItem placedAt(@Nullable UUID newParent, int newPosition) {
    return new PlanItem(
        id,
        programmeId,
        newParent,
        depth,
        newPosition,
        ref,
        title,
        description,
        successCriteria,
        owner,
        createdAt,
        updatedAt,
        version);
  }

  PlanItem describedAs(PlanItemChange change) {
    return new PlanItem(
        id,
        programmeId,
        parentId,
        depth,
        position,
        change.ref() == null ? ref : change.ref(),
        change.title() == null ? title : change.title().strip(),
        change.description() == null ? description : change.description(),
        change.successCriteria() == null ? successCriteria : change.successCriteria(),
        change.owner() == null ? owner : change.owner(),
        createdAt,
        updatedAt,
        version);
  }
}
