package org.improvementhub.plans.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A risk or issue as a council enters it; a risk needs its likelihood and impact (1 to 5). */
@Serdeable
public record RiskRequest(
    @NotNull RiskKind kind,
    @NotBlank
        @Size(max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9. \\-]*$",
            message = "must be letters, digits, spaces, dots and hyphens, such as R 4")
        String ref,
    @NotBlank @Size(max = 5000) String description,
    @Nullable @Min(1) @Max(5) Integer likelihood,
    @Nullable @Min(1) @Max(5) Integer impact,
    @NotBlank @Size(max = 300) String owner,
    @Nullable @Size(max = 10000) String mitigations,
    @Nullable RiskStatus status,
    @Nullable LocalDate reviewDate) {}
