package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a list of actions may be narrowed by; every part is optional.
 *
 * @param lead a lead's email (exact, any case) or part of their name
 * @param under an item of the plan: only actions beneath it, at any depth
 * @param overdueOn only actions past their effective due date on that day and not complete
 */
public record ActionFilter(
    @Nullable UUID programmeId,
    @Nullable RagStatus rag,
    @Nullable String lead,
    @Nullable LocalDate overdueOn,
    @Nullable UUID under,
    @Nullable UUID driverId) {}
