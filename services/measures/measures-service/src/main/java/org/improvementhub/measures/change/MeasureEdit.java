package org.improvementhub.measures.change;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.improvementhub.measures.measure.Frequency;
import org.improvementhub.measures.measure.MeasureUnit;
import org.improvementhub.measures.measure.NewMeasure;
import org.improvementhub.measures.status.Polarity;

/**
 * {@code PATCH …/measures/{id}}: only the fields given change; an empty {@code owner} or {@code
 * dataSource} clears it. {@code unit} and {@code polarity} are accepted only unchanged, so that a
 * client sending the whole measure back is not refused for it.
 */
@Serdeable
public record MeasureEdit(
    @Nullable @Size(min = 1, max = 300) String name,
    @Nullable @Size(min = 1, max = 4000) String definition,
    @Nullable @Size(max = 300) String owner,
    @Nullable @Size(max = 1000) String dataSource,
    @Nullable @Valid NewMeasure.Baseline baseline,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal tolerance,
    @Nullable Frequency frequency,
    @Nullable MeasureUnit unit,
    @Nullable Polarity polarity) {}
