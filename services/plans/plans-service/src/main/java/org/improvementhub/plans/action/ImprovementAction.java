package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanPerson;

/**
 * One action in a council's improvement plan: a leaf of the plan tree. {@code leadName} and {@code
 * leadEmail} repeat the first of its leads (all of them are in {@code action_lead}); {@code
 * ragStatus} is the RAG of its latest progress report.
 */
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
    @Version Long version,
    @Nullable UUID programmeId,
    @Nullable UUID parentId,
    int position,
    @Nullable String description,
    @Nullable String successCriteria,
    @Nullable LocalDate startDate,
    @Nullable LocalDate revisedDueDate,
    @Nullable LocalDate completedOn,
    @TypeDef(type = DataType.STRING_ARRAY) String[] evidenceLinks) {

  /** The date the action is now due: the revised due date if there is one. */
  public LocalDate effectiveDueDate() {
    return revisedDueDate == null ? dueDate : revisedDueDate;
  }

  public boolean isComplete() {
    return completedOn != null || ragStatus.isComplete();
  }

  /** The action as other services see it in events. */
  public ActionSnapshot snapshot(List<PlanPerson> leads, @Nullable PlanPerson programmeManager) {
    return new ActionSnapshot(
        id,
        ref,
        title,
        leads.isEmpty() ? List.of(new PlanPerson(leadName, leadEmail, null)) : leads,
        startDate,
        effectiveDueDate(),
        ragStatus.name(),
        completedOn,
        programmeId,
        programmeManager);
  }

  /** Whether the action is past its (revised) due date on {@code today} and not complete. */
  public boolean isOverdueOn(LocalDate today) {
    return !isComplete() && effectiveDueDate().isBefore(today);
  }

  ImprovementAction withFirstLead(ActionLead lead) {
    return new ImprovementAction(
        id,
        ref,
        title,
        lead.name(),
        lead.email(),
        dueDate,
        ragStatus,
        createdAt,
        updatedAt,
        version,
        programmeId,
        parentId,
        position,
        description,
        successCriteria,
        startDate,
        revisedDueDate,
        completedOn,
        evidenceLinks);
  }

  ImprovementAction withDetails(
      String newTitle,
      @Nullable String newDescription,
      @Nullable String newSuccessCriteria,
      @Nullable LocalDate newStartDate,
      String[] newEvidenceLinks) {
    return new ImprovementAction(
        id,
        ref,
        newTitle,
        leadName,
        leadEmail,
        dueDate,
        ragStatus,
        createdAt,
        updatedAt,
        version,
        programmeId,
        parentId,
        position,
        newDescription,
        newSuccessCriteria,
        newStartDate,
        revisedDueDate,
        completedOn,
        newEvidenceLinks);
  }

  ImprovementAction withRevisedDueDate(LocalDate revised) {
    return new ImprovementAction(
        id,
        ref,
        title,
        leadName,
        leadEmail,
        dueDate,
        ragStatus,
        createdAt,
        updatedAt,
        version,
        programmeId,
        parentId,
        position,
        description,
        successCriteria,
        startDate,
        revised,
        completedOn,
        evidenceLinks);
  }

  ImprovementAction withStatus(RagStatus rag, @Nullable LocalDate completed) {
    return new ImprovementAction(
        id,
        ref,
        title,
        leadName,
        leadEmail,
        dueDate,
        rag,
        createdAt,
        updatedAt,
        version,
        programmeId,
        parentId,
        position,
        description,
        successCriteria,
        startDate,
        revisedDueDate,
        completed,
        evidenceLinks);
  }

  ImprovementAction placedAt(@Nullable UUID newParent, int newPosition) {
    return new ImprovementAction(
        id,
        ref,
        title,
        leadName,
        leadEmail,
        dueDate,
        ragStatus,
        createdAt,
        updatedAt,
        version,
        programmeId,
        newParent,
        newPosition,
        description,
        successCriteria,
        startDate,
        revisedDueDate,
        completedOn,
        evidenceLinks);
  }
}
