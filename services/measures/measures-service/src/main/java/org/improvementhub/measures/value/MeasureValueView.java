package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.MeasureView;
import org.improvementhub.measures.status.Status;
import org.improvementhub.measures.status.StatusRule;
import org.improvementhub.measures.status.Trend;

/**
 * A period's latest value as the API shows it; {@code revision} is 1 until it is corrected. {@code
 * target} is the target in force for the period, {@code status} how the value stands against it and
 * {@code trend} how it moved from the previous period's value (null without one).
 */
@Serdeable
public record MeasureValueView(
    String period,
    BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String note,
    int revision,
    String enteredBy,
    Instant enteredAt,
    @Nullable MeasureView.Step target,
    Status status,
    @Nullable Trend trend) {

  static MeasureValueView of(
      MeasureValue value, StatusRule rule, Frequency frequency, @Nullable BigDecimal previous) {
    YearMonth period = value.reportingPeriod().month();
    return new MeasureValueView(
        period.toString(),
        value.value(),
        value.numerator(),
        value.denominator(),
        value.note(),
        value.revision(),
        value.enteredBy(),
        value.enteredAt(),
        rule.targetFor(period).map(MeasureView.Step::of).orElse(null),
        rule.statusOf(period, value.value()),
        rule.trendOf(period, value.value(), previous).orElse(null));
  }
}
