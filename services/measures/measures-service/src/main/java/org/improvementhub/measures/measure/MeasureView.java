package org.improvementhub.measures.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.measures.status.Polarity;
import org.improvementhub.measures.status.Status;
import org.improvementhub.measures.status.TargetStep;
import org.improvementhub.measures.status.Trajectory;
import org.improvementhub.measures.status.Trend;

/**
 * A measure as the API shows it. {@code targets} and {@code current} are given when one measure is
 * read; a list leaves them out.
 */
@Serdeable
public record MeasureView(
    UUID id,
    String name,
    String definition,
    MeasureUnit unit,
    Polarity polarity,
    Frequency frequency,
    @Nullable String owner,
    @Nullable String dataSource,
    @Nullable Baseline baseline,
    BigDecimal tolerance,
    @Nullable String libraryCode,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> targets,
    @Nullable Current current,
    Instant createdAt,
    Instant updatedAt) {

  static MeasureView of(Measure measure) {
    return of(measure, null, null);
  }

  static MeasureView of(
      Measure measure, @Nullable Trajectory trajectory, @Nullable Current current) {
    return new MeasureView(
        measure.id(),
        measure.name(),
        measure.definition(),
        measure.unit(),
        measure.polarity(),
        measure.frequency(),
        measure.owner(),
        measure.dataSource(),
        measure.baselineValue() == null
            ? null
            : new Baseline(measure.baselineValue(), measure.baselineDate()),
        measure.tolerance(),
        measure.libraryCode(),
        trajectory == null ? null : trajectory.steps().stream().map(Step::of).toList(),
        current,
        measure.createdAt(),
        measure.updatedAt());
  }

  /** The value before improvement work began, and the date it stood at. */
  @Serdeable
  public record Baseline(BigDecimal value, @Nullable LocalDate date) {}

  /** A trajectory step: from {@code from} ({@code YYYY-MM}) on, this target applies. */
  @Serdeable
  public record Step(
      String from,
      @Nullable BigDecimal value,
      @Nullable BigDecimal lower,
      @Nullable BigDecimal upper) {
    public static Step of(TargetStep step) {
      return new Step(step.from().toString(), step.value(), step.lower(), step.upper());
    }
  }

  /** The latest period with a value: how it stands against its target, and which way it moved. */
  @Serdeable
  public record Current(
      String period,
      BigDecimal value,
      @Nullable Step target,
      Status status,
      @Nullable Trend trend) {}
}
