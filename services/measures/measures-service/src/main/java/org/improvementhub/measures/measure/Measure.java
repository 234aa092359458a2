package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.improvementhub.measures.status.Polarity;

/**
 * Something a council measures its improvement by, such as repeat child protection plans. {@code
 * tolerance} is how far a value may miss its target and still be Amber, in the measure's unit;
 * {@code libraryCode} names the library measure it was adopted from, if any.
 */
@MappedEntity("measure")
public record Measure(
    @Id @AutoPopulated UUID id,
    String name,
    String definition,
    MeasureUnit unit,
    Polarity polarity,
    Frequency frequency,
    @Nullable String owner,
    @Nullable String dataSource,
    @Nullable BigDecimal baselineValue,
    @Nullable LocalDate baselineDate,
    BigDecimal tolerance,
    @Nullable String libraryCode,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  static Measure define(NewMeasure request, @Nullable String libraryCode) {
    return new Measure(
        null,
        request.name().strip(),
        request.definition().strip(),
        request.unit(),
        request.polarity(),
        request.frequency(),
        blankToNull(request.owner()),
        blankToNull(request.dataSource()),
        request.baseline() == null ? null : request.baseline().value(),
        request.baseline() == null ? null : request.baseline().date(),
        request.tolerance() == null ? BigDecimal.ZERO : request.tolerance(),
        libraryCode,
        null,
        null,
        null);
  }

  /** The same measure with a new tolerance. */
  public Measure withTolerance(BigDecimal newTolerance) {
    return new Measure(
        id,
        name,
        definition,
        unit,
        polarity,
        frequency,
        owner,
        dataSource,
        baselineValue,
        baselineDate,
        newTolerance,
        libraryCode,
        createdAt,
        updatedAt,
        version);
  }

  /** The same measure as an edit leaves it; unit and polarity never change (see {@code edit}). */
  public Measure edited(
      String newName,
      String newDefinition,
      Frequency newFrequency,
      @Nullable String newOwner,
      @Nullable String newDataSource,
      @Nullable BigDecimal newBaselineValue,
      @Nullable LocalDate newBaselineDate,
      BigDecimal newTolerance) {
    return new Measure(
        id,
        newName,
        newDefinition,
        unit,
        polarity,
        newFrequency,
        blankToNull(newOwner),
        blankToNull(newDataSource),
        newBaselineValue,
        newBaselineDate,
        newTolerance,
        libraryCode,
        createdAt,
        updatedAt,
        version);
  }

  @Nullable
  private static String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
