package org.improvementhub.measures.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One step of a target trajectory: from the period {@code from} on (until a later step), the target
 * is {@code value}, or for a {@link Polarity#WITHIN_BAND} measure the band {@code lower} to {@code
 * upper} (both inclusive). "80% by Sep 2019, 90% by Dec 2019" is two steps, from 2019-09 and from
 * 2019-12: the target a plan promises "by" a month applies from that month's report.
 */
public record TargetStep(
    YearMonth from,
    @Nullable BigDecimal value,
    @Nullable BigDecimal lower,
    @Nullable BigDecimal upper) {

  public TargetStep {
    Objects.requireNonNull(from, "from");
  }

  public static TargetStep of(YearMonth from, BigDecimal value) {
    return new TargetStep(from, value, null, null);
  }

  public static TargetStep band(YearMonth from, BigDecimal lower, BigDecimal upper) {
    return new TargetStep(from, null, lower, upper);
  }
}
