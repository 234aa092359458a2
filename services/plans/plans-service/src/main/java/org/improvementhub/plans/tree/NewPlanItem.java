package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A new item of a plan. Without a {@code ref}, one is made from its place ({@code 2.1.3}); without
 * a {@code position}, it goes last among its siblings.
 */
@Serdeable
public record NewPlanItem(
    @Nullable UUID parentId,
    @Nullable
        @Size(max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9. \\-]*$",
            message = "must be letters, digits, spaces, dots and hyphens, such as 2.1")
        String ref,
    @NotBlank @Size(max = 500) String title,
    @Nullable @Size(max = 5000) String description,
    @Nullable @Size(max = 5000) String successCriteria,
    @Nullable @Size(max = 300) String owner,
    @Nullable @Min(0) Integer position) {}
