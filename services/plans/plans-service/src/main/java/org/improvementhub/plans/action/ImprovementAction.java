package org.improvementhub.plans.action;

import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanPerson;

/** One action in a council's improvement plan, with its lead, due date and current RAG. */
@MappedEntity("improvement_action")
public record ImprovementAction(
    @Id @AutoPopulated UUID id,
    String ref,
    String title,
    String leadName,
    String leadEmail,
    LocalDate dueDate,
    RagStatus ragStatus,
    @DateCreated Instant createdAt,
    @DateUpdated Instant updatedAt,
    @Version Long version) {

  public static ImprovementAction create(
      String ref,
      String title,
      String leadName,
      String leadEmail,
      LocalDate dueDate,
      RagStatus rag) {
    return new ImprovementAction(
        null, ref, title, leadName, leadEmail, dueDate, rag, null, null, null);
  }

  /** The action as other services see it in events. */
  public ActionSnapshot snapshot() {
    return new ActionSnapshot(
        id,
        ref,
        title,
        List.of(new PlanPerson(leadName, leadEmail, null)),
        null,
        dueDate,
        ragStatus.name(),
        null,
        null,
        null);
  }

  /** Whether the action is past its due date on {@code today} and not complete. */
  public boolean isOverdueOn(LocalDate today) {
    return !ragStatus.isComplete() && dueDate.isBefore(today);
  }
}
