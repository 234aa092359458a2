package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.improvementhub.measures.status.Status;

/**
 * The latest value of one measure for one period ({@code period} is the month's first day). Each
 * correction raises {@code revision} and leaves the value it replaced in {@link ValueRevision}.
 * {@code status} is the status last announced for the period, so only a change is announced.
 */
@MappedEntity("measure_value")
public record MeasureValue(
    @Id @AutoPopulated UUID id,
    UUID measureId,
    LocalDate period,
    BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String note,
    int revision,
    String enteredBy,
    Instant enteredAt,
    @Nullable Status status) {

  static MeasureValue first(
      UUID measureId,
      ReportingPeriod period,
      ValueEntry entry,
      String enteredBy,
      Instant enteredAt) {
    return new MeasureValue(
        null,
        measureId,
        period.firstDay(),
        entry.value(),
        entry.numerator(),
        entry.denominator(),
        entry.note(),
        1,
        enteredBy,
        enteredAt,
        null);
  }

  MeasureValue correctedTo(ValueEntry entry, String enteredBy, Instant enteredAt) {
    return new MeasureValue(
        id,
        measureId,
        period,
        entry.value(),
        entry.numerator(),
        entry.denominator(),
        entry.note(),
        revision + 1,
        enteredBy,
        enteredAt,
        status);
  }

  /** The same value, marked with the status last announced for it. */
  MeasureValue withStatus(Status announced) {
    return new MeasureValue(
        id,
        measureId,
        period,
        value,
        numerator,
        denominator,
        note,
        revision,
        enteredBy,
        enteredAt,
        announced);
  }

  boolean records(ValueEntry entry) {
    return entry.sameAs(value, numerator, denominator, note);
  }

  ReportingPeriod reportingPeriod() {
    return ReportingPeriod.startingOn(period);
  }
}
