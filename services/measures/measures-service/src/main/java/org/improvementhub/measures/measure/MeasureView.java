package org.improvementhub.measures.measure;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** A measure as the API shows it. */
@Serdeable
public record MeasureView(
    UUID id,
    String name,
    String definition,
    MeasureUnit unit,
    Polarity polarity,
    Frequency frequency,
    Instant createdAt,
    Instant updatedAt) {

  static MeasureView of(Measure measure) {
    return new MeasureView(
        measure.id(),
        measure.name(),
        measure.definition(),
        measure.unit(),
        measure.polarity(),
        measure.frequency(),
        measure.createdAt(),
        measure.updatedAt());
  }
}
