package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A value as it stood before a correction replaced it: who replaced it, and when. */
@MappedEntity("measure_value_revision")
public record ValueRevision(
    @Id @AutoPopulated UUID id,
    UUID measureId,
    LocalDate period,
    int revision,
    BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    @Nullable String note,
    String enteredBy,
    Instant enteredAt,
    String supersededBy,
    Instant supersededAt) {

  static ValueRevision of(MeasureValue replaced, String supersededBy, Instant supersededAt) {
    return new ValueRevision(
        null,
        replaced.measureId(),
        replaced.period(),
        replaced.revision(),
        replaced.value(),
        replaced.numerator(),
        replaced.denominator(),
        replaced.note(),
        replaced.enteredBy(),
        replaced.enteredAt(),
        supersededBy,
        supersededAt);
  }
}
