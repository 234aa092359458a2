package org.improvementhub.plans.action;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionDueDateRevised;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.ActionWithdrawn;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;
import org.improvementhub.plans.tree.Placement;
import org.improvementhub.plans.tree.PlanItem;
import org.improvementhub.plans.tree.PlanItemRepository;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Adds, changes and reports on a council's improvement actions. Every change is written to the
 * audit trail and announced through the outbox in the same transaction.
 */
@Singleton
public class ImprovementActions {

  static final String RECORD_TYPE = "action";
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** The summary reads the whole plan a thousand actions at a time. */
  private static final int SUMMARY_PAGE = 1000;

  private final ImprovementActionRepository actions;
  private final ActionLeadRepository leads;
  private final ActionProgressReportRepository reports;
  private final DueDateRevisionRepository revisions;
  private final ProgrammeRepository programmes;
  private final PlanItemRepository items;
  private final ActionSnapshots snapshots;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Clock clock;
  private final ActionPages pages;

  public ImprovementActions(
      ImprovementActionRepository actions,
      ActionLeadRepository leads,
      ActionProgressReportRepository reports,
      DueDateRevisionRepository revisions,
      ProgrammeRepository programmes,
      PlanItemRepository items,
      ActionSnapshots snapshots,
      AuditTrail audit,
      Outbox outbox,
      Clock clock,
      ActionPages pages) {
    this.pages = pages;
    this.actions = actions;
    this.leads = leads;
    this.reports = reports;
    this.revisions = revisions;
    this.programmes = programmes;
    this.items = items;
    this.snapshots = snapshots;
    this.audit = audit;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public ImprovementAction add(CouncilSlug council, NewAction request) {
    List<NewAction.Lead> given = request.allLeads();
    if (given.isEmpty()) {
      throw ProblemException.invalidField("leads", "give at least one lead");
    }
    if (request.startDate() != null && request.dueDate().isBefore(request.startDate())) {
      throw ProblemException.invalidField("dueDate", "must not be before the start date");
    }
    UUID programmeId = request.programmeId();
    if (programmeId == null && request.parentId() != null) {
      programmeId = items.findById(request.parentId()).map(PlanItem::programmeId).orElse(null);
      if (programmeId == null) {
        throw ProblemException.invalidField("parentId", "no such item in this council's plans");
      }
    }
    if (actions.refTaken(programmeId, request.ref())
        || (programmeId != null && items.refTaken(programmeId, request.ref()))) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "An action or item with ref " + request.ref() + " already exists");
    }
    int position = 0;
    if (programmeId != null) {
      checkParent(requireProgramme(programmeId), request.parentId());
      int siblings = actions.countChildren(programmeId, request.parentId());
      position = request.position() == null ? siblings : Math.min(request.position(), siblings);
    }
    NewAction.Lead first = given.get(0);
    ImprovementAction saved =
        actions.save(
            new ImprovementAction(
                null,
                request.ref(),
                request.title().strip(),
                first.name().strip(),
                first.email().strip(),
                request.dueDate(),
                request.ragStatus() == null ? RagStatus.GREY : request.ragStatus(),
                null,
                null,
                null,
                programmeId,
                request.parentId(),
                position,
                request.description(),
                request.successCriteria(),
                request.startDate(),
                null,
                request.ragStatus() == RagStatus.BLUE ? today() : null,
                links(request.evidenceLinks()),
                null,
                null));
    if (programmeId != null) {
      actions.shiftSiblings(programmeId, request.parentId(), position, 1, saved.id());
    }
    replaceLeads(saved.id(), given);
    ActionSnapshot snapshot = snapshots.of(saved);
    audit.record(RECORD_TYPE, saved.id(), "CREATED", null, view(saved));
    outbox.append(
        ActionCreated.TOPIC,
        council,
        ActionCreated.TYPE,
        1,
        saved.id().toString(),
        new ActionCreated(
            saved.id(),
            saved.ref(),
            saved.title(),
            saved.leadName(),
            saved.leadEmail(),
            saved.dueDate(),
            saved.ragStatus().name(),
            snapshot));
    return saved;
  }

  @Transactional
  public ImprovementAction change(UUID id, ActionChange change) {
    ImprovementAction before = requireForChange(id);
    ActionView beforeView = view(before);
    LocalDate start = change.startDate() == null ? before.startDate() : change.startDate();
    if (start != null && before.effectiveDueDate().isBefore(start)) {
      throw ProblemException.invalidField("startDate", "must not be after the due date");
    }
    ImprovementAction changed =
        before.withDetails(
            change.title() == null ? before.title() : change.title().strip(),
            change.description() == null ? before.description() : change.description(),
            change.successCriteria() == null ? before.successCriteria() : change.successCriteria(),
            start,
            change.evidenceLinks() == null
                ? before.evidenceLinks()
                : links(change.evidenceLinks()));
    if (change.leads() != null) {
      replaceLeads(id, change.leads());
      NewAction.Lead first = change.leads().get(0);
      changed =
          changed.withFirstLead(
              new ActionLead(id, 0, first.name().strip(), first.email().strip(), first.role()));
    }
    ImprovementAction saved = actions.update(changed);
    audit.record(RECORD_TYPE, id, "UPDATED", beforeView, view(saved));
    return saved;
  }

  @Transactional
  public DueDateRevision reviseDueDate(CouncilSlug council, UUID id, DueDateRevisionRequest r) {
    ImprovementAction before = requireForChange(id);
    if (before.startDate() != null && r.dueDate().isBefore(before.startDate())) {
      throw ProblemException.invalidField("dueDate", "must not be before the start date");
    }
    if (r.dueDate().equals(before.effectiveDueDate())) {
      throw ProblemException.invalidField("dueDate", "is already the action's due date");
    }
    ActionView beforeView = view(before);
    DueDateRevision revision =
        revisions.save(
            new DueDateRevision(
                null,
                id,
                before.effectiveDueDate(),
                r.dueDate(),
                r.reason().strip(),
                audit.actor(),
                clock.instant()));
    ImprovementAction saved = actions.update(before.withRevisedDueDate(r.dueDate()));
    audit.record(RECORD_TYPE, id, "DUE_DATE_REVISED", beforeView, view(saved));
    outbox.append(
        ActionDueDateRevised.TOPIC,
        council,
        ActionDueDateRevised.TYPE,
        1,
        id.toString(),
        new ActionDueDateRevised(
            snapshots.of(saved), before.effectiveDueDate(), r.dueDate(), revision.reason()));
    return revision;
  }

  @Transactional
  public ActionProgressReport reportProgress(
      CouncilSlug council, UUID id, ProgressReportRequest r) {
    ImprovementAction before = requireForChange(id);
    if (before.programmeId() != null
        && !requireProgramme(before.programmeId()).hasPeriod(r.period())) {
      throw ProblemException.invalidField(
          "period", r.period() + " is not one of the programme's reporting periods");
    }
    LocalDate completedOn = null;
    if (r.ragStatus().isComplete()) {
      completedOn = r.completedOn() != null ? r.completedOn() : today();
    } else if (r.completedOn() != null) {
      throw ProblemException.invalidField("completedOn", "only a Blue report completes an action");
    }
    ActionView beforeView = view(before);
    ActionProgressReport report =
        reports.save(
            new ActionProgressReport(
                null, id, r.period(), r.ragStatus(), r.note(), audit.actor(), clock.instant()));
    ImprovementAction saved = actions.update(before.withStatus(r.ragStatus(), completedOn));
    audit.record(RECORD_TYPE, id, "PROGRESS_REPORTED", beforeView, view(saved));
    ActionSnapshot snapshot = snapshots.of(saved);
    outbox.append(
        ActionProgressReported.TOPIC,
        council,
        ActionProgressReported.TYPE,
        1,
        id.toString(),
        new ActionProgressReported(
            snapshot,
            r.period(),
            r.ragStatus().name(),
            before.ragStatus().name(),
            r.note(),
            report.reportedBy(),
            report.reportedAt()));
    if (completedOn != null && before.completedOn() == null) {
      outbox.append(
          ActionCompleted.TOPIC,
          council,
          ActionCompleted.TYPE,
          1,
          id.toString(),
          new ActionCompleted(snapshot, completedOn));
    }
    return report;
  }

  /**
   * Withdraws an action the council no longer pursues. It is not deleted: its reports, revisions,
   * audit trail and the board reports that showed it stay true; from now on it is shown as
   * withdrawn and left out of RAG counts, overdue scans and reminders (readers follow {@code
   * ActionWithdrawn}). Withdrawing twice is a conflict.
   */
  @Transactional
  public ImprovementAction withdraw(CouncilSlug council, UUID id, Withdrawal withdrawal) {
    ImprovementAction before = requireForChange(id);
    if (before.isWithdrawn()) {
      throw ProblemException.of(
          ProblemType.CONFLICT,
          "Action " + before.ref() + " was already withdrawn on " + before.withdrawnOn());
    }
    ActionView beforeView = view(before);
    ImprovementAction saved =
        actions.update(before.withdrawn(today(), withdrawal.reason().strip()));
    audit.record(RECORD_TYPE, id, "WITHDRAWN", beforeView, view(saved));
    outbox.append(
        ActionWithdrawn.TOPIC,
        council,
        ActionWithdrawn.TYPE,
        1,
        id.toString(),
        new ActionWithdrawn(snapshots.of(saved), saved.withdrawnOn(), saved.withdrawnReason()));
    return saved;
  }

  /** Moves an action under another item of its level, or re-orders it among its siblings. */
  @Transactional
  public ImprovementAction place(UUID id, Placement placement) {
    ImprovementAction before = requireForChange(id);
    if (before.programmeId() == null) {
      throw ProblemException.of(
          ProblemType.CONFLICT, "This action is not in a programme's plan, so it has no place");
    }
    checkParent(requireProgramme(before.programmeId()), placement.parentId());
    ActionView beforeView = view(before);
    actions.shiftSiblings(before.programmeId(), before.parentId(), before.position() + 1, -1, id);
    int siblings = actions.countChildren(before.programmeId(), placement.parentId());
    boolean sameParent = Objects.equals(before.parentId(), placement.parentId());
    int last = sameParent ? siblings - 1 : siblings;
    int position = Math.min(placement.position(), last);
    actions.shiftSiblings(before.programmeId(), placement.parentId(), position, 1, id);
    ImprovementAction saved = actions.update(before.placedAt(placement.parentId(), position));
    audit.record(RECORD_TYPE, id, "MOVED", beforeView, view(saved));
    return saved;
  }

  @Transactional
  public ActionView view(UUID id) {
    return view(require(id));
  }

  /**
   * One page of the actions that pass {@code filter}, and how many pass it in all (plain JDBC:
   * {@link ActionPages}).
   */
  @Transactional
  public ActionPage filtered(CouncilSlug council, ActionFilter filter, int page, int size) {
    return pages.page(council, filter, page, size);
  }

  /** A page of actions. */
  public record ActionPage(List<ActionView> items, int page, int size, long total) {}

  /** The council's actions at a glance on {@code today} (every action read, in ref order). */
  @Transactional
  public ActionSummary summary(CouncilSlug council, LocalDate today) {
    ActionFilter all = new ActionFilter(null, null, null, null, null, null, List.of());
    List<ActionView> actions = new ArrayList<>();
    for (int page = 0; ; page++) {
      ActionPage one = pages.page(council, all, page, SUMMARY_PAGE);
      actions.addAll(one.items());
      if (one.items().size() < SUMMARY_PAGE) {
        return ActionSummary.of(actions, today);
      }
    }
  }

  @Transactional
  public List<ProgressReportView> progressHistory(UUID id) {
    require(id);
    return reports.of(id).stream().map(ProgressReportView::of).toList();
  }

  @Transactional
  public List<DueDateRevision> dueDateHistory(UUID id) {
    require(id);
    return revisions.of(id);
  }

  private ActionView view(ImprovementAction action) {
    return ActionView.of(action, leads.of(action.id()));
  }

  private ImprovementAction require(UUID id) {
    return actions.findById(id).orElseThrow(() -> ProblemException.notFound("Action " + id));
  }

  /**
   * For a write: two people reporting on one action at the same moment both have their reports
   * kept, one after the other, where a version check alone refused the second with a conflict it
   * had not caused (it sent no version of its own).
   */
  private ImprovementAction requireForChange(UUID id) {
    return actions
        .findByIdForUpdate(id)
        .orElseThrow(() -> ProblemException.notFound("Action " + id));
  }

  private Programme requireProgramme(UUID id) {
    return programmes
        .findById(id)
        .orElseThrow(() -> ProblemException.invalidField("programmeId", "no such programme"));
  }

  /** Actions are the leaves: their parent is an item of the level just above the last. */
  private void checkParent(Programme programme, UUID parentId) {
    int parentDepth = programme.levelCount() - 2;
    if (parentDepth < 0) {
      if (parentId != null) {
        throw ProblemException.invalidField(
            "parentId", "this programme's plan has one level: its actions have no parent");
      }
      return;
    }
    String parentLevel = programme.levelNames()[parentDepth];
    if (parentId == null) {
      throw ProblemException.invalidField("parentId", "give the " + parentLevel + " it belongs to");
    }
    PlanItem parent =
        items
            .findById(parentId)
            .filter(item -> item.programmeId().equals(programme.id()))
            .orElseThrow(
                () -> ProblemException.invalidField("parentId", "no such item in this programme"));
    if (parent.depth() != parentDepth) {
      throw ProblemException.invalidField("parentId", "must be a " + parentLevel);
    }
  }

  private void replaceLeads(UUID actionId, List<NewAction.Lead> given) {
    leads.removeAll(actionId);
    for (int i = 0; i < given.size(); i++) {
      NewAction.Lead lead = given.get(i);
      leads.add(actionId, i, lead.name().strip(), lead.email().strip(), lead.role());
    }
  }

  /** Today's date in the UK, by the injected clock. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }

  private static String[] links(List<String> given) {
    return given == null ? new String[0] : given.stream().map(String::strip).toArray(String[]::new);
  }
}
