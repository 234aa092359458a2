package org.improvementhub.measures.comparator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The benchmarks sent for one year; at least one of the two averages. */
@Serdeable
public record ComparatorEntry(
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal england,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal statisticalNeighbours,
    @Nullable @Size(max = 1000) String source) {}
