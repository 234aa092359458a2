package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One period's latest value and, newest first, every value a correction replaced. */
@Serdeable
public record ValueHistoryView(
    String period, MeasureValueView latest, List<SupersededValue> superseded) {

  static ValueHistoryView of(MeasureValueView latest, List<ValueRevision> revisions) {
    return new ValueHistoryView(
        latest.period(), latest, revisions.stream().map(SupersededValue::of).toList());
  }

  /** A value as it stood before a correction. */
  @Serdeable
  public record SupersededValue(
      int revision,
      BigDecimal value,
      @Nullable BigDecimal numerator,
      @Nullable BigDecimal denominator,
      @Nullable String note,
      String enteredBy,
      Instant enteredAt,
      String supersededBy,
      Instant supersededAt) {

    static SupersededValue of(ValueRevision revision) {
      return new SupersededValue(
          revision.revision(),
          revision.value(),
          revision.numerator(),
          revision.denominator(),
          revision.note(),
          revision.enteredBy(),
          revision.enteredAt(),
          revision.supersededBy(),
          revision.supersededAt());
    }
  }
}
