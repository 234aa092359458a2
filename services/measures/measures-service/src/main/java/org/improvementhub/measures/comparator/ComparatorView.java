package org.improvementhub.measures.comparator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/** A year's benchmarks as the API shows them. */
@Serdeable
public record ComparatorView(
    int year,
    @Nullable BigDecimal england,
    @Nullable BigDecimal statisticalNeighbours,
    @Nullable String source,
    String enteredBy,
    Instant enteredAt) {

  static ComparatorView of(MeasureComparator comparator) {
    return new ComparatorView(
        comparator.year(),
        comparator.england(),
        comparator.statisticalNeighbours(),
        comparator.source(),
        comparator.enteredBy(),
        comparator.enteredAt());
  }
}
