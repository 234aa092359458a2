package org.improvementhub.measures.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.improvementhub.measures.measure.NewMeasure;
import org.improvementhub.measures.measure.TargetEntry;

/**
 * A council adopting a library measure by its code, with what is its own: who owns it, where its
 * figures come from, its baseline, tolerance and targets.
 */
@Serdeable
public record Adoption(
    @NotBlank @Size(max = 60) String code,
    @Nullable @Size(max = 300) String owner,
    @Nullable @Size(max = 1000) String dataSource,
    @Nullable @Valid NewMeasure.Baseline baseline,
    @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal tolerance,
    @Nullable @Valid @Size(max = 120) List<TargetEntry> targets) {

  NewMeasure measureFrom(LibraryMeasure library) {
    return new NewMeasure(
        library.name(),
        library.definition(),
        library.unit(),
        library.polarity(),
        library.frequency(),
        owner,
        dataSource,
        baseline,
        tolerance,
        targets);
  }
}
