package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One period of a chart as the series query reads it: the value (if recorded), the previous
 * period's value, the target step in force, and the measure's polarity and tolerance. {@code
 * period} is null on the single row of a measure that reports in no month of the range.
 */
@Introspected
public record SeriesRow(
    @Nullable LocalDate period,
    @Nullable BigDecimal value,
    @Nullable BigDecimal previous,
    @Nullable LocalDate targetFrom,
    @Nullable BigDecimal target,
    @Nullable BigDecimal lowerBound,
    @Nullable BigDecimal upperBound,
    String polarity,
    BigDecimal tolerance) {}
