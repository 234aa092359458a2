package org.improvementhub.measures.link;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action or plan item of the plans service, as its latest event described it. The id is the
 * plans service's own, so a link names the same record in both services.
 */
@MappedEntity("plan_record")
public record PlanRecord(
    @Id UUID id,
    PlanRecordKind kind,
    @Nullable UUID programmeId,
    String ref,
    String title,
    @Nullable String ragStatus,
    @Nullable LocalDate completedOn,
    @Nullable UUID planItemId,
    @Nullable String levelName,
    Instant updatedAt) {}
