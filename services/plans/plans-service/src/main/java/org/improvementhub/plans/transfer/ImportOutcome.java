package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * What an import stored, or with {@code dryRun} would store: the new programme (absent on a dry
 * run) and how many items, actions, drivers and progress reports it holds.
 */
@Serdeable
public record ImportOutcome(
    @Nullable UUID programmeId,
    int items,
    int actions,
    int drivers,
    int progressReports,
    boolean dryRun) {}
