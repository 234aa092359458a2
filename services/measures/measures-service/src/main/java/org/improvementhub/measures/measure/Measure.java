package org.improvementhub.measures.measure;

import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.util.UUID;

/** Something a council measures its improvement by, such as repeat child protection plans. */
@MappedEntity("measure")
public record Measure(
    @Id @AutoPopulated UUID id,
    String name,
    String definition,
    MeasureUnit unit,
    Polarity polarity,
    Frequency frequency,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  public static Measure define(
      String name, String definition, MeasureUnit unit, Polarity polarity, Frequency frequency) {
    return new Measure(null, name, definition, unit, polarity, frequency, null, null, null);
  }
}
