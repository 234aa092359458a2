package org.improvementhub.plans.driver;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A driver as a council enters it: {@code OR 13} with its timeframe, {@code IN 3.1}... {@code text}
 * is the driver's own words (its title); {@code description} the council's notes on it.
 */
@Serdeable
public record DriverRequest(
    @NotNull DriverKind kind,
    @NotBlank
        @Size(max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9. \\-]*$",
            message = "must be letters, digits, spaces, dots and hyphens, such as OR 13 or IN 3.1")
        String ref,
    @NotBlank @Size(max = 5000) String text,
    @Nullable DriverTimeframe timeframe,
    @Nullable UUID programmeId,
    @Nullable @Size(max = 5000) String description) {}
