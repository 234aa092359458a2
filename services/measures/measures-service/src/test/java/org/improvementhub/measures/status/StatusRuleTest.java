package org.improvementhub.measures.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRuleTest {

  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  private static BigDecimal n(String number) {
    return new BigDecimal(number);
  }

  private static StatusRule rule(Polarity polarity, String tolerance, TargetStep... steps) {
    return new StatusRule(polarity, n(tolerance), new Trajectory(List.of(steps)));
  }

  /** Peterborough: repeat child protection plans below 14.4%, two points of tolerance. */
  @ParameterizedTest(name = "{0}% against 14.4% is {1}")
  @CsvSource({
    "10.0, GREEN",
    "14.39, GREEN",
    "14.4, GREEN",
    "14.40, GREEN",
    "14.41, AMBER",
    "16.4, AMBER",
    "16.41, RED",
    "30, RED"
  })
  void lowerIsBetter(String value, Status expected) {
    StatusRule repeatPlans =
        rule(Polarity.LOWER_IS_BETTER, "2", TargetStep.of(YearMonth.of(2023, 4), n("14.4")));
    assertThat(repeatPlans.statusOf(MARCH, n(value))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}% against 90% is {1}")
  @CsvSource({"95, GREEN", "90, GREEN", "89.99, AMBER", "85, AMBER", "84.9, RED", "0, RED"})
  void higherIsBetter(String value, Status expected) {
    StatusRule assessments =
        rule(Polarity.HIGHER_IS_BETTER, "5", TargetStep.of(YearMonth.of(2024, 1), n("90")));
    assertThat(assessments.statusOf(MARCH, n(value))).isEqualTo(expected);
  }

  @Test
  void withoutToleranceAnyMissIsRed() {
    StatusRule strict = rule(Polarity.HIGHER_IS_BETTER, "0", TargetStep.of(MARCH, n("90")));
    assertThat(strict.statusOf(MARCH, n("90"))).isEqualTo(Status.GREEN);
    assertThat(strict.statusOf(MARCH, n("89.9999"))).isEqualTo(Status.RED);
  }

  /** Caseloads between 15 and 20, one child of tolerance either side. */
  @ParameterizedTest(name = "a caseload of {0} is {1}")
  @CsvSource({
    "13.9, RED",
    "14, AMBER",
    "14.5, AMBER",
    "15, GREEN",
    "17.5, GREEN",
    "20, GREEN",
    "20.5, AMBER",
    "21, AMBER",
    "21.01, RED"
  })
  void withinBandEdges(String value, Status expected) {
    StatusRule caseload =
        rule(Polarity.WITHIN_BAND, "1", TargetStep.band(YearMonth.of(2024, 1), n("15"), n("20")));
    assertThat(caseload.statusOf(MARCH, n(value))).isEqualTo(expected);
  }

  @Test
  void aPeriodBeforeTheFirstTargetIsGrey() {
    StatusRule later = rule(Polarity.HIGHER_IS_BETTER, "5", TargetStep.of(MARCH, n("80")));
    assertThat(later.statusOf(MARCH.minusMonths(1), n("99"))).isEqualTo(Status.GREY);
    assertThat(later.statusOf(MARCH, n("99"))).isEqualTo(Status.GREEN);
    assertThat(rule(Polarity.LOWER_IS_BETTER, "0").statusOf(MARCH, n("1"))).isEqualTo(Status.GREY);
  }

  @Test
  void aStepWithoutWhatThePolarityNeedsIsGrey() {
    StatusRule bandOnAFloor =
        rule(Polarity.HIGHER_IS_BETTER, "0", TargetStep.band(MARCH, n("1"), n("2")));
    assertThat(bandOnAFloor.statusOf(MARCH, n("5"))).isEqualTo(Status.GREY);
  }

  /** "80% by Sep 2019, 90% by Dec 2019, 95% by Mar 2020": each applies from its month on. */
  @ParameterizedTest(name = "{0}: 88% is {1}")
  @CsvSource({
    "2019-08, GREY",
    "2019-09, GREEN",
    "2019-11, GREEN",
    "2019-12, AMBER",
    "2020-02, AMBER",
    "2020-03, RED",
    "2026-01, RED"
  })
  void trajectoryStepsApplyFromTheirMonthUntilTheNext(String period, Status expected) {
    StatusRule trajectory =
        rule(
            Polarity.HIGHER_IS_BETTER,
            "5",
            TargetStep.of(YearMonth.of(2020, 3), n("95")),
            TargetStep.of(YearMonth.of(2019, 9), n("80")),
            TargetStep.of(YearMonth.of(2019, 12), n("90")));
    assertThat(trajectory.statusOf(YearMonth.parse(period), n("88"))).isEqualTo(expected);
    assertThat(trajectory.targetFor(YearMonth.parse(period)).map(TargetStep::value))
        .isEqualTo(
            switch (period) {
              case "2019-08" -> java.util.Optional.empty();
              case "2019-09", "2019-11" -> java.util.Optional.of(n("80"));
              case "2019-12", "2020-02" -> java.util.Optional.of(n("90"));
              default -> java.util.Optional.of(n("95"));
            });
  }

  @ParameterizedTest(name = "{0}: {1} after {2} is {3}")
  @CsvSource({
    "HIGHER_IS_BETTER, 85, 80, IMPROVING",
    "HIGHER_IS_BETTER, 80, 85, DECLINING",
    "HIGHER_IS_BETTER, 80.0, 80, STABLE",
    "LOWER_IS_BETTER, 12, 14, IMPROVING",
    "LOWER_IS_BETTER, 14, 12, DECLINING",
    "LOWER_IS_BETTER, 14, 14, STABLE",
    "WITHIN_BAND, 21, 24, IMPROVING",
    "WITHIN_BAND, 12, 14, DECLINING",
    "WITHIN_BAND, 16, 19, STABLE",
    "WITHIN_BAND, 14, 22, IMPROVING"
  })
  void trendReadsThePolarity(Polarity polarity, String value, String previous, Trend expected) {
    StatusRule rule =
        polarity == Polarity.WITHIN_BAND
            ? rule(polarity, "0", TargetStep.band(MARCH, n("15"), n("20")))
            : rule(polarity, "0");
    assertThat(rule.trendOf(MARCH, n(value), n(previous))).contains(expected);
  }

  @Test
  void noPreviousValueMeansNoTrend() {
    assertThat(rule(Polarity.HIGHER_IS_BETTER, "0").trendOf(MARCH, n("80"), null)).isEmpty();
    assertThat(rule(Polarity.WITHIN_BAND, "0").trendOf(MARCH, n("18"), n("17")))
        .as("a band measure with no band yet has no direction")
        .isEmpty();
  }

  @Test
  void aNegativeToleranceIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new StatusRule(Polarity.HIGHER_IS_BETTER, n("-1"), Trajectory.NONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
