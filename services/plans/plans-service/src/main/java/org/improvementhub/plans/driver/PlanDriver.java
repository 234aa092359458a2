package org.improvementhub.plans.driver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** One driver: a recommendation, notice item or finding the plan must answer. */
@Serdeable
@MappedEntity("plan_driver")
public record PlanDriver(
    @Id @AutoPopulated UUID id,
    @Nullable UUID programmeId,
    DriverKind kind,
    String ref,
    String text,
    @Nullable String description,
    @Nullable DriverTimeframe timeframe,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {}
