package org.improvementhub.plans.onboarding;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.improvementhub.plans.documents.DuplicateRefs;

/**
 * The programme manager's choice for actions whose ref the document uses twice, each named by the
 * ref the later one was proposed as ({@code 1.2.1-2}).
 */
@Serdeable
public record DuplicateChoices(@NotEmpty List<@Valid @NotNull Choice> choices) {

  /** KEEP_BOTH (as proposed), RENUMBER (next free number), MERGE (into the first) or SKIP. */
  @Serdeable
  public record Choice(@NotBlank String ref, @NotNull DuplicateRefs.Resolution resolution) {}
}
