package org.improvementhub.measures.measure;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a programme manager sends to define a measure. */
@Serdeable
public record NewMeasure(
    @NotBlank @Size(max = 300) String name,
    @NotBlank @Size(max = 4000) String definition,
    @NotNull MeasureUnit unit,
    @NotNull Polarity polarity,
    @NotNull Frequency frequency) {}
