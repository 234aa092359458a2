package org.improvementhub.plans.onboarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Applies a re-uploaded document's diff. Actions the document no longer lists are kept unless their
 * refs are given in {@code withdraw}: those are withdrawn (kept with their history, no longer
 * counted), with {@code reason} or else "No longer in the plan document <file>".
 */
@Serdeable
public record ApplyRequest(
    @Nullable List<@NotBlank String> withdraw, @Nullable @Size(max = 2000) String reason) {}
