package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A period's progress report. Blue completes the action, on {@code completedOn} (today if not
 * given).
 */
@Serdeable
public record ProgressReportRequest(
    @NotBlank
        @Pattern(
            regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$",
            message = "must be a reporting period such as 2013-10")
        String period,
    @NotNull RagStatus ragStatus,
    @Nullable @Size(max = 10000) String note,
    @Nullable LocalDate completedOn) {}
