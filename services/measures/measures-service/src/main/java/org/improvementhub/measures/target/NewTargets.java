package org.improvementhub.measures.target;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.improvementhub.measures.measure.TargetEntry;

/**
 * A measure's whole trajectory, replacing the one it had, and optionally a new tolerance. An empty
 * list removes every target (the measure's values turn Grey).
 */
@Serdeable
public record NewTargets(
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal tolerance,
    @NotNull @Valid @Size(max = 120) List<TargetEntry> targets) {}
