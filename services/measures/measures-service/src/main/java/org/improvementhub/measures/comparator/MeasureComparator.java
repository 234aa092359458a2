package org.improvementhub.measures.comparator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A measure's benchmarks for one year: the England average and the statistical neighbours' average,
 * in the measure's unit. {@code year} is the year ending 31 March (2024 is 2023-24).
 */
@MappedEntity("measure_comparator")
public record MeasureComparator(
    @Id @AutoPopulated UUID id,
    UUID measureId,
    int year,
    @Nullable BigDecimal england,
    @Nullable BigDecimal statisticalNeighbours,
    @Nullable String source,
    String enteredBy,
    Instant enteredAt) {}
