package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a programme manager sends to add an action. */
@Serdeable
public record NewAction(
    @NotBlank
        @Size(max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9.\\-]*$",
            message = "must be letters, digits, dots and hyphens, such as 2.1.3")
        String ref,
    @NotBlank @Size(max = 500) String title,
    @NotNull @Valid Lead lead,
    @NotNull LocalDate dueDate,
    @Nullable RagStatus ragStatus) {

  /** The person who answers for the action. */
  @Serdeable
  public record Lead(
      @NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {}
}
