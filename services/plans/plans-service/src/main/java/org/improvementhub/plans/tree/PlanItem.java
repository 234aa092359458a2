package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An item of a plan above the actions. {@code depth} 0 is the programme's first level; {@code
 * position} orders it among its siblings from 0.
 */
@MappedEntity("plan_item")
public record PlanItem(
    @MappedProperty("id") @Id @AutoPopulated UUID id,
    @MappedProperty("programme_id") UUID programmeId,
    @MappedProperty("parent_id") @Nullable UUID parentId,
    @MappedProperty("depth") int depth,
    @MappedProperty("position") int position,
    @MappedProperty("ref") String ref,
    @MappedProperty("title") String title,
    @MappedProperty("description") @Nullable String description,
    @MappedProperty("success_criteria") @Nullable String successCriteria,
    @MappedProperty("owner") @Nullable String owner,
    @MappedProperty("created_at") @DateCreated Instant createdAt,
    @MappedProperty("updated_at") @DateUpdated Instant updatedAt,
    @MappedProperty("version") @Version Long version) {

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
