package org.improvementhub.plans.action;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new due date for an action and why it moved. */
@Serdeable
public record DueDateRevisionRequest(
    @NotNull LocalDate dueDate, @NotBlank @Size(max = 2000) String reason) {}
