package org.improvementhub.tenancy.council;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.improvementhub.tenancy.context.CouncilSlug;

/** What a platform admin sends to provision a council. */
@Serdeable
public record NewCouncil(
    @NotNull
        @Pattern(
            regexp = CouncilSlug.RULE,
            message =
                "must be lower-case letters, digits and hyphens, starting with a letter, 2 to 41"
                    + " characters, such as west-sussex")
        String slug,
    @NotBlank @Size(max = 200) String name,
    @NotNull
        @Min(value = 100, message = "must be a DfE local-authority code from 100 to 999")
        @Max(value = 999, message = "must be a DfE local-authority code from 100 to 999")
        Integer laCode) {}
