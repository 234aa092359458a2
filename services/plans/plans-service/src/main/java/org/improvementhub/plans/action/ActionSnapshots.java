package org.improvementhub.plans.action;

import jakarta.inject.Singleton;
import java.util.List;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;

/**
 * Builds the whole-action snapshot events carry: leads, the programme's manager, the plan item it
 * sits under, the drivers it answers and its latest review note, so readers need not call back.
 */
@Singleton
public class ActionSnapshots {

  private final ActionLeadRepository leads;
  private final ProgrammeRepository programmes;
  private final ImprovementActionRepository actions;
  private final ActionProgressReportRepository reports;

  public ActionSnapshots(
      ActionLeadRepository leads,
      ProgrammeRepository programmes,
      ImprovementActionRepository actions,
      ActionProgressReportRepository reports) {
    this.leads = leads;
    this.programmes = programmes;
    this.actions = actions;
    this.reports = reports;
  }

  /** Must run inside the unit of work bound to the action's council. */
  public ActionSnapshot of(ImprovementAction action) {
    PlanPerson manager =
        action.programmeId() == null
            ? null
            : programmes.findById(action.programmeId()).map(Programme::manager).orElse(null);
    ActionSnapshot base =
        action.snapshot(leads.of(action.id()).stream().map(ActionLead::person).toList(), manager);
    List<ActionProgressReport> history = reports.of(action.id());
    String latestNote = history.isEmpty() ? null : history.get(history.size() - 1).note();
    return new ActionSnapshot(
        base.actionId(),
        base.ref(),
        base.title(),
        base.leads(),
        base.startDate(),
        base.dueDate(),
        base.ragStatus(),
        base.completedOn(),
        base.programmeId(),
        base.programmeManager(),
        action.parentId(),
        actions.driverRefs(action.id()),
        latestNote,
        action.withdrawnOn());
  }
}
