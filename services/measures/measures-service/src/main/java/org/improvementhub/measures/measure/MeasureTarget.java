package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.improvementhub.measures.status.TargetStep;

/** One stored step of a measure's target trajectory ({@code effectiveFrom} is a month's 1st). */
@MappedEntity("measure_target")
public record MeasureTarget(
    @Id @AutoPopulated UUID id,
    UUID measureId,
    LocalDate effectiveFrom,
    @Nullable BigDecimal value,
    @Nullable BigDecimal lowerBound,
    @Nullable BigDecimal upperBound) {

  static MeasureTarget of(UUID measureId, TargetStep step) {
    return new MeasureTarget(
        null, measureId, step.from().atDay(1), step.value(), step.lower(), step.upper());
  }

  public TargetStep step() {
    return new TargetStep(YearMonth.from(effectiveFrom), value, lowerBound, upperBound);
  }
}
