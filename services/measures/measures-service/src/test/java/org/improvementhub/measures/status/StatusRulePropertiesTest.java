package org.improvementhub.measures.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Properties that hold for every value, target and tolerance, not only the examples. */
class StatusRulePropertiesTest {

  private static final YearMonth PERIOD = YearMonth.of(2024, 3);

  private static StatusRule rule(Polarity polarity, BigDecimal tolerance, BigDecimal target) {
    return new StatusRule(
        polarity, tolerance, new Trajectory(List.of(TargetStep.of(PERIOD, target))));
  }

  @Property
  void aValueExactlyAtTargetIsGreenWhateverThePolarity(
      @ForAll @BigRange(min = "0", max = "10000") @Scale(4) BigDecimal target,
      @ForAll @BigRange(min = "0", max = "50") @Scale(2) BigDecimal tolerance) {
    for (Polarity polarity : List.of(Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER)) {
      assertThat(rule(polarity, tolerance, target).statusOf(PERIOD, target))
          .isEqualTo(Status.GREEN);
    }
  }

  /** A value that is Green for one polarity and not at target is Red or Amber for the other. */
  @Property
  void thePolaritiesMirrorEachOther(
      @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal target,
      @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal value,
      @ForAll @BigRange(min = "0", max = "10") @Scale(1) BigDecimal tolerance) {
    Status higher = rule(Polarity.HIGHER_IS_BETTER, tolerance, target).statusOf(PERIOD, value);
    Status lower = rule(Polarity.LOWER_IS_BETTER, tolerance, target).statusOf(PERIOD, value);
    if (value.compareTo(target) == 0) {
      assertThat(List.of(higher, lower)).containsOnly(Status.GREEN);
    } else {
      assertThat(higher == Status.GREEN).isNotEqualTo(lower == Status.GREEN);
    }
  }

  /** Moving a value towards better never makes its status worse. */
  @Property
  void improvingNeverWorsensTheStatus(
      @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal target,
      @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal value,
      @ForAll @BigRange(min = "0", max = "20") @Scale(2) BigDecimal step,
      @ForAll @BigRange(min = "0", max = "10") @Scale(1) BigDecimal tolerance) {
    StatusRule lower = rule(Polarity.LOWER_IS_BETTER, tolerance, target);
    Status before = lower.statusOf(PERIOD, value);
    Status after = lower.statusOf(PERIOD, value.subtract(step));
    assertThat(after.ordinal()).isLessThanOrEqualTo(before.ordinal());
    assertThat(lower.trendOf(PERIOD, value.subtract(step), value))
        .contains(step.signum() == 0 ? Trend.STABLE : Trend.IMPROVING);
  }

  /** Amber exactly when the miss is within the tolerance. */
  @Property
  void amberIsAMissWithinTolerance(
      @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal target,
      @ForAll @BigRange(min = "0.01", max = "30") @Scale(2) BigDecimal miss,
      @ForAll @BigRange(min = "0", max = "10") @Scale(2) BigDecimal tolerance) {
    Status status =
        rule(Polarity.HIGHER_IS_BETTER, tolerance, target).statusOf(PERIOD, target.subtract(miss));
    assertThat(status).isEqualTo(miss.compareTo(tolerance) <= 0 ? Status.AMBER : Status.RED);
  }

  /** Whatever the steps, the one in force is the latest that began on or before the period. */
  @Property
  void theStepInForceIsTheLatestOnOrBefore(
      @ForAll @IntRange(min = 0, max = 40) int first,
      @ForAll @IntRange(min = 1, max = 20) int gap,
      @ForAll @IntRange(min = 0, max = 80) int at) {
    YearMonth start = YearMonth.of(2019, 1);
    TargetStep earlier = TargetStep.of(start.plusMonths(first), BigDecimal.ONE);
    TargetStep later = TargetStep.of(start.plusMonths(first + gap), BigDecimal.TEN);
    Trajectory trajectory = new Trajectory(List.of(later, earlier));
    YearMonth period = start.plusMonths(at);
    TargetStep expected = at >= first + gap ? later : at >= first ? earlier : null;
    assertThat(trajectory.inForce(period).orElse(null)).isEqualTo(expected);
  }
}
