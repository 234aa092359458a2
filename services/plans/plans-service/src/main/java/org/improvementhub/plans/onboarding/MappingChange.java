package org.improvementhub.plans.onboarding;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.improvementhub.plans.documents.ColumnRole;

/** The programme manager's choice of what some columns hold, by the columns' header text. */
@Serdeable
public record MappingChange(@NotEmpty List<@Valid @NotNull Column> columns) {

  /** One column's choice: every table column with this header is read as {@code role}. */
  @Serdeable
  public record Column(@NotBlank String header, @NotNull ColumnRole role) {}
}
