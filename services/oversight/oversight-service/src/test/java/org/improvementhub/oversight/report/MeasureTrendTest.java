package org.improvementhub.oversight.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A measure's trend is read through its polarity. */
class MeasureTrendTest {

  private static final BigDecimal SEVENTY = new BigDecimal("70");
  private static final BigDecimal SEVENTY_EIGHT = new BigDecimal("78");

  @Test
  void upIsImprovingWhereHigherIsBetterAndWorseningWhereLowerIsBetter() {
    assertThat(MeasureTrend.of("HIGHER_IS_BETTER", SEVENTY, SEVENTY_EIGHT)).isEqualTo("IMPROVING");
    assertThat(MeasureTrend.of("HIGHER_IS_BETTER", SEVENTY_EIGHT, SEVENTY)).isEqualTo("WORSENING");
    assertThat(MeasureTrend.of("LOWER_IS_BETTER", SEVENTY, SEVENTY_EIGHT)).isEqualTo("WORSENING");
    assertThat(MeasureTrend.of("LOWER_IS_BETTER", SEVENTY_EIGHT, SEVENTY)).isEqualTo("IMPROVING");
  }

  @Test
  void aBandMeasureGoesUpOrDownAndEqualValuesDoNotMove() {
    assertThat(MeasureTrend.of("WITHIN_BAND", SEVENTY, SEVENTY_EIGHT)).isEqualTo("UP");
    assertThat(MeasureTrend.of("WITHIN_BAND", SEVENTY_EIGHT, SEVENTY)).isEqualTo("DOWN");
    assertThat(MeasureTrend.of("HIGHER_IS_BETTER", new BigDecimal("70.0"), SEVENTY))
        .isEqualTo("NO_CHANGE");
  }

  @Test
  void aFirstValueHasNoTrend() {
    assertThat(MeasureTrend.of("HIGHER_IS_BETTER", null, SEVENTY)).isEqualTo("FIRST_VALUE");
  }
}
