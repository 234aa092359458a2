package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What a list of actions may be narrowed by; every part is optional.
 *
 * @param lead a lead's email (exact, any case) or part of their name
 * @param under an item of the plan: only actions beneath it, at any depth
 * @param overdueOn only actions past their effective due date on that day and not complete
 * @param words only actions whose ref and title (together, any case) hold every one of these
 */
public record ActionFilter(
    @Nullable UUID programmeId,
    @Nullable RagStatus rag,
    @Nullable String lead,
    @Nullable LocalDate overdueOn,
    @Nullable UUID under,
    @Nullable UUID driverId,
    List<String> words) {

  /** The words of a search box: split at spaces, any case; none for a blank or missing search. */
  public static List<String> words(@Nullable String search) {
    if (search == null || search.isBlank()) {
      return List.of();
    }
    return List.of(search.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }
}
