package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to an item's words; a field left out keeps its value. */
@Serdeable
public record PlanItemChange(
    @Nullable
        @Size(min = 1, max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9. \\-]*$",
            message = "must be letters, digits, spaces, dots and hyphens, such as 2.1")
        String ref,
    @Nullable @Size(min = 1, max = 500) String title,
    @Nullable @Size(max = 5000) String description,
    @Nullable @Size(max = 5000) String successCriteria,
    @Nullable @Size(max = 300) String owner) {}
