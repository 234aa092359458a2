package org.improvementhub.measures.status;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a measure's values: its polarity, its tolerance (how far a value may miss the target and
 * still be Amber, in the measure's unit: 2 means two percentage points for a percentage) and its
 * target trajectory.
 *
 * <p>Status: a value on the right side of the target, or exactly at it, is Green; one that misses
 * by no more than the tolerance is Amber; further is Red; a period before the first target step is
 * Grey. For a band, the miss is the distance to the nearer bound.
 *
 * <p>Trend compares a period's value with the previous period's: for higher-is-better a rise is
 * improving, for lower-is-better a fall is, and for a band a value coming closer to the band (the
 * band in force for the later period) is; no change, or two values both inside the band, is stable.
 * Without a previous value there is no trend.
 */
public record StatusRule(Polarity polarity, BigDecimal tolerance, Trajectory trajectory) {

  public StatusRule {
    Objects.requireNonNull(polarity, "polarity");
    tolerance = tolerance == null ? BigDecimal.ZERO : tolerance;
    trajectory = trajectory == null ? Trajectory.NONE : trajectory;
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }

  /** The status of {@code value} reported for {@code period}. */
  public Status statusOf(YearMonth period, BigDecimal value) {
    Optional<TargetStep> target = trajectory.inForce(period);
    if (target.isEmpty()) {
      return Status.GREY;
    }
    Optional<BigDecimal> shortfall = shortfall(value, target.get());
    if (shortfall.isEmpty()) {
      return Status.GREY;
    }
    int missed = shortfall.get().signum();
    if (missed <= 0) {
      return Status.GREEN;
    }
    return shortfall.get().compareTo(tolerance) <= 0 ? Status.AMBER : Status.RED;
  }

  /** How {@code value} moved from {@code previous}; empty when there is no previous value. */
  public Optional<Trend> trendOf(
      YearMonth period, BigDecimal value, @Nullable BigDecimal previous) {
    if (previous == null || value == null) {
      return Optional.empty();
    }
    int better =
        switch (polarity) {
          case HIGHER_IS_BETTER -> value.compareTo(previous);
          case LOWER_IS_BETTER -> previous.compareTo(value);
          case WITHIN_BAND -> {
            Optional<TargetStep> band = trajectory.inForce(period);
            if (band.isEmpty()) {
              yield Integer.MIN_VALUE;
            }
            BigDecimal before = distanceOutside(previous, band.get()).orElse(null);
            BigDecimal now = distanceOutside(value, band.get()).orElse(null);
            yield before == null || now == null ? Integer.MIN_VALUE : before.compareTo(now);
          }
        };
    if (better == Integer.MIN_VALUE) {
      return Optional.empty();
    }
    return Optional.of(better > 0 ? Trend.IMPROVING : better < 0 ? Trend.DECLINING : Trend.STABLE);
  }

  /** The target in force for {@code period}, if any. */
  public Optional<TargetStep> targetFor(YearMonth period) {
    return trajectory.inForce(period);
  }

  /**
   * How far {@code value} is on the wrong side of the target: zero or negative when met. Empty when
   * the step does not carry what the polarity needs (a band step on a higher-is-better measure).
   */
  private Optional<BigDecimal> shortfall(BigDecimal value, TargetStep step) {
    return switch (polarity) {
      case HIGHER_IS_BETTER ->
          Optional.ofNullable(step.value()).map(target -> target.subtract(value));
      case LOWER_IS_BETTER ->
          Optional.ofNullable(step.value()).map(target -> value.subtract(target));
      case WITHIN_BAND -> distanceOutside(value, step);
    };
  }

  private static Optional<BigDecimal> distanceOutside(BigDecimal value, TargetStep band) {
    if (band.lower() == null || band.upper() == null) {
      return Optional.empty();
    }
    if (value.compareTo(band.lower()) < 0) {
      return Optional.of(band.lower().subtract(value));
    }
    if (value.compareTo(band.upper()) > 0) {
      return Optional.of(value.subtract(band.upper()));
    }
    return Optional.of(BigDecimal.ZERO);
  }
}
