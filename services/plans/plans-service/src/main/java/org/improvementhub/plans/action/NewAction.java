package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a programme manager sends to add an action: one {@code lead}, or several {@code leads}. With
 * a {@code programmeId} the action joins that programme's plan, under {@code parentId} (an item of
 * the level above the actions).
 */
@Serdeable
public record NewAction(
    @NotBlank
        @Size(max = 20)
        @Pattern(
            regexp = "^[A-Za-z0-9][A-Za-z0-9.\\-]*$",
            message = "must be letters, digits, dots and hyphens, such as 2.1.3")
        String ref,
    @NotBlank @Size(max = 500) String title,
    @Nullable @Valid Lead lead,
    @Nullable @Size(max = 20) List<@NotNull @Valid Lead> leads,
    @NotNull LocalDate dueDate,
    @Nullable RagStatus ragStatus,
    @Nullable UUID programmeId,
    @Nullable UUID parentId,
    @Nullable @Min(0) Integer position,
    @Nullable LocalDate startDate,
    @Nullable @Size(max = 5000) String description,
    @Nullable @Size(max = 5000) String successCriteria,
    @Nullable @Size(max = 50) List<@NotBlank @Size(max = 2000) String> evidenceLinks) {

  /** A person who answers for the action, with their role or team. */
  @Serdeable
  public record Lead(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Email @Size(max = 320) String email,
      @Nullable @Size(max = 200) String role) {}

  /** Every lead given, {@code lead} first. */
  List<Lead> allLeads() {
    List<Lead> all = new ArrayList<>();
    if (lead != null) {
      all.add(lead);
    }
    if (leads != null) {
      all.addAll(leads);
    }
    return all;
  }
}
