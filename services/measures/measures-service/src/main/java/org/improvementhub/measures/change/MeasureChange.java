package org.improvementhub.measures.change;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** One field of a measure changed: from {@code previous} to {@code value}, by whom and when. */
@Serdeable
@MappedEntity("measure_change")
public record MeasureChange(
    @Id @AutoPopulated UUID id,
    UUID measureId,
    String field,
    @Nullable String previous,
    @Nullable String value,
    String changedBy,
    Instant changedAt) {}
