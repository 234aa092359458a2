package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An action as the API shows it. {@code lead} is the first of {@code leads}; {@code dueDate} is the
 * original date and {@code effectiveDueDate} the revised one if there is one; {@code withdrawnOn}
 * and {@code withdrawnReason} are set when the council has withdrawn it.
 */
@Serdeable
public record ActionView(
    UUID id,
    String ref,
    String title,
    NewAction.Lead lead,
    List<NewAction.Lead> leads,
    UUID programmeId,
    UUID parentId,
    int position,
    String description,
    String successCriteria,
    LocalDate startDate,
    LocalDate dueDate,
    LocalDate revisedDueDate,
    LocalDate effectiveDueDate,
    LocalDate completedOn,
    RagStatus ragStatus,
    List<String> evidenceLinks,
    Instant createdAt,
    Instant updatedAt,
    @Nullable LocalDate withdrawnOn,
    @Nullable String withdrawnReason) {

  static ActionView of(ImprovementAction action, List<ActionLead> leads) {
    List<NewAction.Lead> shown =
        leads.isEmpty()
            ? List.of(new NewAction.Lead(action.leadName(), action.leadEmail(), null))
            : leads.stream().map(l -> new NewAction.Lead(l.name(), l.email(), l.role())).toList();
    return new ActionView(
        action.id(),
        action.ref(),
        action.title(),
        shown.get(0),
        shown,
        action.programmeId(),
        action.parentId(),
        action.position(),
        action.description(),
        action.successCriteria(),
        action.startDate(),
        action.dueDate(),
        action.revisedDueDate(),
        action.effectiveDueDate(),
        action.completedOn(),
        action.ragStatus(),
        action.evidenceLinks() == null ? List.of() : List.of(action.evidenceLinks()),
        action.createdAt(),
        action.updatedAt(),
        action.withdrawnOn(),
        action.withdrawnReason());
  }
}
