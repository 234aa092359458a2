package org.improvementhub.plans.programme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.plans.action.RagStatus;

/** What a council sends to set up, or to change, a programme. */
@Serdeable
public record ProgrammeRequest(
    @NotBlank @Size(max = 300) String name,
    @NotNull @Valid Trigger trigger,
    @Nullable @Size(max = 300) String improvementBoard,
    @Nullable ReportingCadence reportingCadence,
    @NotNull @Valid Contact programmeManager,
    @NotEmpty @Size(min = 1, max = 4) List<@NotBlank @Size(max = 60) String> levelNames,
    @NotNull LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable Map<RagStatus, @Size(max = 500) String> ragDescriptions) {

  /** What triggered the programme: for an inspection, its date and judgement. */
  @Serdeable
  public record Trigger(
      @NotNull TriggerKind kind,
      @Nullable LocalDate date,
      @Nullable @Size(max = 100) String judgement,
      @Nullable @Size(max = 1000) String description) {}

  /** A person the programme names: its manager runs it day to day. */
  @Serdeable
  public record Contact(
      @NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {}
}
