package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
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
 * ragStatus} is the RAG of its latest progress report. A withdrawn action ({@code withdrawnOn} set,
 * with the reason) keeps its history but is no longer counted, scanned or reminded of.
 */
@MappedEntity("improvement_action")
public record ImprovementAction(
    @MappedProperty("id") @Id @AutoPopulated UUID id,
    @MappedProperty("ref") String ref,
    @MappedProperty("title") String title,
    @MappedProperty("lead_name") String leadName,
    @MappedProperty("lead_email") String leadEmail,
    @MappedProperty("due_date") LocalDate dueDate,
    @MappedProperty("rag_status") RagStatus ragStatus,
    @MappedProperty("created_at") @DateCreated Instant createdAt,
    @MappedProperty("updated_at") @DateUpdated Instant updatedAt,
    @MappedProperty("version") @Version Long version,
    @MappedProperty("programme_id") @Nullable UUID programmeId,
    @MappedProperty("parent_id") @Nullable UUID parentId,
    @MappedProperty("position") int position,
    @MappedProperty("description") @Nullable String description,
    @MappedProperty("success_criteria") @Nullable String successCriteria,
    @MappedProperty("start_date") @Nullable LocalDate startDate,
    @MappedProperty("revised_due_date") @Nullable LocalDate revisedDueDate,
    @MappedProperty("completed_on") @Nullable LocalDate completedOn,
    @MappedProperty("evidence_links") @TypeDef(type = DataType.STRING_ARRAY) String[] evidenceLinks,
    @MappedProperty("withdrawn_on") @Nullable LocalDate withdrawnOn,
    @MappedProperty("withdrawn_reason") @Nullable String withdrawnReason) {

  /** The date the action is now due: the revised due date if there is one. */
  public LocalDate effectiveDueDate() {
    return revisedDueDate == null ? dueDate : revisedDueDate;
  }

  public boolean isWithdrawn() {
    return withdrawnOn != null;
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
    return !isComplete() && !isWithdrawn() && effectiveDueDate().isBefore(today);
  }

  ImprovementAction withFirstLead(ActionLead lead) {
    Change change = new Change(this);
    change.leadName = lead.name();
    change.leadEmail = lead.email();
    return change.done();
  }

  ImprovementAction withDetails(
      String newTitle,
      @Nullable String newDescription,
      @Nullable String newSuccessCriteria,
      @Nullable LocalDate newStartDate,
      String[] newEvidenceLinks) {
    Change change = new Change(this);
    change.title = newTitle;
    change.description = newDescription;
    change.successCriteria = newSuccessCriteria;
    change.startDate = newStartDate;
    change.evidenceLinks = newEvidenceLinks;
    return change.done();
  }

  ImprovementAction withRevisedDueDate(LocalDate revised) {
    Change change = new Change(this);
    change.revisedDueDate = revised;
    return change.done();
  }

  ImprovementAction withStatus(RagStatus rag, @Nullable LocalDate completed) {
    Change change = new Change(this);
    change.ragStatus = rag;
    change.completedOn = completed;
    return change.done();
  }

  ImprovementAction withdrawn(LocalDate on, String reason) {
    Change change = new Change(this);
    change.withdrawnOn = on;
    change.withdrawnReason = reason;
    return change.done();
  }

  ImprovementAction placedAt(@Nullable UUID newParent, int newPosition) {
    Change change = new Change(this);
    change.parentId = newParent;
    change.position = newPosition;
    return change.done();
  }

  /**
   * The action with some of what a council may change changed: starts as the action is, and what is
   * not set stays. Its identity, ref, original due date and bookkeeping never change here.
   */
  private static final class Change {
    private final ImprovementAction before;
    private String title;
    private String leadName;
    private String leadEmail;
    private RagStatus ragStatus;
    private UUID parentId;
    private int position;
    private String description;
    private String successCriteria;
    private LocalDate startDate;
    private LocalDate revisedDueDate;
    private LocalDate completedOn;
    private String[] evidenceLinks;
    private LocalDate withdrawnOn;
    private String withdrawnReason;

    private Change(ImprovementAction before) {
      this.before = before;
      this.title = before.title;
      this.leadName = before.leadName;
      this.leadEmail = before.leadEmail;
      this.ragStatus = before.ragStatus;
      this.parentId = before.parentId;
      this.position = before.position;
      this.description = before.description;
      this.successCriteria = before.successCriteria;
      this.startDate = before.startDate;
      this.revisedDueDate = before.revisedDueDate;
      this.completedOn = before.completedOn;
      this.evidenceLinks = before.evidenceLinks;
      this.withdrawnOn = before.withdrawnOn;
      this.withdrawnReason = before.withdrawnReason;
    }

    private ImprovementAction done() {
      return new ImprovementAction(
          before.id,
          before.ref,
          title,
          leadName,
          leadEmail,
          before.dueDate,
          ragStatus,
          before.createdAt,
          before.updatedAt,
          before.version,
          before.programmeId,
          parentId,
          position,
          description,
          successCriteria,
          startDate,
          revisedDueDate,
          completedOn,
          evidenceLinks,
          withdrawnOn,
          withdrawnReason);
    }
  }
}
