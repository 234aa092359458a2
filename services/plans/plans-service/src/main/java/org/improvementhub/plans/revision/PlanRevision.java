package org.improvementhub.plans.revision;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** The single row of {@code plan_revision}: the number the council's plan changes move on. */
@MappedEntity("plan_revision")
public record PlanRevision(
    @MappedProperty("id") @Id Boolean id, @MappedProperty("revision") long revision) {}
