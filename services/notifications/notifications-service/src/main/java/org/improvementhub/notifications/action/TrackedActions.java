package org.improvementhub.notifications.action;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionDueDateRevised;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.ActionWithdrawn;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Keeps the tracked actions of the council the unit of work is bound to, from the action events,
 * and tells the followers what changed. Runs inside the event's inbox transaction.
 */
@Singleton
public class TrackedActions {

  private final TrackedActionRepository actions;
  private final ActionLeads leads;
  private final List<ActionChangeFollower> followers;
  private final Clock clock;

  public TrackedActions(
      TrackedActionRepository actions,
      ActionLeads leads,
      List<ActionChangeFollower> followers,
      Clock clock) {
    this.actions = actions;
    this.leads = leads;
    this.followers = followers;
    this.clock = clock;
  }

  public void created(CouncilSlug council, ActionCreated created) {
    if (created.action() != null) {
      saveSnapshot(council, created.action());
    } else {
      saveSummary(
          council,
          created.actionId(),
          created.ref(),
          created.title(),
          lead(created.leadName(), created.leadEmail()),
          created.dueDate(),
          created.ragStatus());
    }
  }

  public void progressReported(CouncilSlug council, ActionProgressReported reported) {
    Optional<TrackedAction> before = actions.findById(reported.action().actionId());
    Instant now = clock.instant();
    save(reported.action(), now);
    actions.saveNote(reported.action().actionId(), reported.note(), reported.period(), now);
    tell(council, before, reported.action().actionId());
  }

  public void dueDateRevised(CouncilSlug council, ActionDueDateRevised revised) {
    saveSnapshot(council, revised.action());
  }

  public void completed(CouncilSlug council, ActionCompleted completed) {
    ActionSnapshot action = completed.action();
    if (action.completedOn() == null) {
      action =
          new ActionSnapshot(
              action.actionId(),
              action.ref(),
              action.title(),
              action.leads(),
              action.startDate(),
              action.dueDate(),
              action.ragStatus(),
              Objects.requireNonNullElse(
                  completed.completedOn(),
                  clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()),
              action.programmeId(),
              action.programmeManager());
    }
    saveSnapshot(council, action);
  }

  public void withdrawn(CouncilSlug council, ActionWithdrawn withdrawn) {
    ActionSnapshot action = withdrawn.action();
    if (action.withdrawnOn() == null) {
      action =
          new ActionSnapshot(
              action.actionId(),
              action.ref(),
              action.title(),
              action.leads(),
              action.startDate(),
              action.dueDate(),
              action.ragStatus(),
              action.completedOn(),
              action.programmeId(),
              action.programmeManager(),
              action.planItemId(),
              action.driverRefs(),
              action.latestReviewNote(),
              Objects.requireNonNullElse(
                  withdrawn.withdrawnOn(),
                  clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()));
    }
    saveSnapshot(council, action);
  }

  public void fellOverdue(CouncilSlug council, ActionFellOverdue overdue) {
    if (overdue.action() != null) {
      saveSnapshot(council, overdue.action());
      return;
    }
    List<PlanPerson> people =
        overdue.leads() != null && !overdue.leads().isEmpty()
            ? overdue.leads()
            : lead(overdue.leadName(), overdue.leadEmail());
    saveSummary(
        council,
        overdue.actionId(),
        overdue.ref(),
        overdue.title(),
        people,
        overdue.dueDate(),
        overdue.ragStatus());
  }

  private static List<PlanPerson> lead(String name, String email) {
    if (email == null || email.isBlank()) {
      return List.of();
    }
    return List.of(new PlanPerson(name, email, null));
  }

  private void saveSnapshot(CouncilSlug council, ActionSnapshot action) {
    Optional<TrackedAction> before = actions.findById(action.actionId());
    save(action, clock.instant());
    tell(council, before, action.actionId());
  }

  private void save(ActionSnapshot action, Instant now) {
    PlanPerson manager = action.programmeManager();
    actions.saveSnapshot(
        action.actionId(),
        Objects.requireNonNullElse(action.ref(), ""),
        Objects.requireNonNullElse(action.title(), ""),
        leads.write(action.leads()),
        action.startDate(),
        action.dueDate(),
        action.ragStatus(),
        action.completedOn(),
        action.withdrawnOn(),
        action.programmeId(),
        manager == null ? null : manager.name(),
        manager == null ? null : manager.email(),
        now);
  }

  private void saveSummary(
      CouncilSlug council,
      UUID actionId,
      String ref,
      String title,
      List<PlanPerson> people,
      java.time.LocalDate dueDate,
      String rag) {
    Optional<TrackedAction> before = actions.findById(actionId);
    actions.saveSummary(
        actionId,
        Objects.requireNonNullElse(ref, ""),
        Objects.requireNonNullElse(title, ""),
        leads.write(people),
        dueDate,
        rag,
        clock.instant());
    tell(council, before, actionId);
  }

  private void tell(CouncilSlug council, Optional<TrackedAction> before, UUID actionId) {
    TrackedAction after = actions.findById(actionId).orElseThrow();
    ActionChange change = new ActionChange(council, before, after);
    followers.forEach(follower -> follower.follow(change));
  }
}
