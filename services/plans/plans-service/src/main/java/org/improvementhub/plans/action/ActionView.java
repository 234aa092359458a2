package org.improvementhub.plans.action;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An action as the API shows it. */
@Serdeable
public record ActionView(
    UUID id,
    String ref,
    String title,
    NewAction.Lead lead,
    LocalDate dueDate,
    RagStatus ragStatus,
    Instant createdAt,
    Instant updatedAt) {

  static ActionView of(ImprovementAction action) {
    return new ActionView(
        action.id(),
        action.ref(),
        action.title(),
        new NewAction.Lead(action.leadName(), action.leadEmail()),
        action.dueDate(),
        action.ragStatus(),
        action.createdAt(),
        action.updatedAt());
  }
}
