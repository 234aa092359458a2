package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/** A period's latest value as the API shows it; {@code revision} is 1 until it is corrected. */
@Serdeable
public record MeasureValueView(
    String period,
    BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String note,
    int revision,
    String enteredBy,
    Instant enteredAt) {

  static MeasureValueView of(MeasureValue value) {
    return new MeasureValueView(
        value.reportingPeriod().toString(),
        value.value(),
        value.numerator(),
        value.denominator(),
        value.note(),
        value.revision(),
        value.enteredBy(),
        value.enteredAt());
  }
}
