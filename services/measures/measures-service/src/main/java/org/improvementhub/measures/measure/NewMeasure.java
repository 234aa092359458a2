package org.improvementhub.measures.measure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.improvementhub.measures.status.Polarity;

/**
 * What a programme manager sends to define a measure. Everything after {@code frequency} may be
 * left out: a measure without targets is Grey until it has some.
 */
@Serdeable
public record NewMeasure(
    @NotBlank @Size(max = 300) String name,
    @NotBlank @Size(max = 4000) String definition,
    @NotNull MeasureUnit unit,
    @NotNull Polarity polarity,
    @NotNull Frequency frequency,
    @Nullable @Size(max = 300) String owner,
    @Nullable @Size(max = 1000) String dataSource,
    @Nullable @Valid Baseline baseline,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal tolerance,
    @Nullable @Valid @Size(max = 120) List<TargetEntry> targets) {

  /** Where the measure started: the value before improvement work, and the date it stood at. */
  @Serdeable
  public record Baseline(
      @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal value,
      @NotNull LocalDate date) {}
}
