package org.improvementhub.plans.action;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the council no longer pursues an action: shown beside it in the plan and in its history. */
@Serdeable
public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}
