package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A change to an action's details; a field left out keeps its value. The due date changes only by
 * revision (with a reason), the RAG only by progress report.
 */
@Serdeable
public record ActionChange(
    @Nullable @Size(min = 1, max = 500) String title,
    @Nullable @Size(min = 1, max = 20) List<NewAction.@NotNull @Valid Lead> leads,
    @Nullable LocalDate startDate,
    @Nullable @Size(max = 5000) String description,
    @Nullable @Size(max = 5000) String successCriteria,
    @Nullable @Size(max = 50) List<@NotBlank @Size(max = 2000) String> evidenceLinks) {}
