package org.improvementhub.plans.action;

import jakarta.inject.Singleton;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;

/** Builds the whole-action snapshot events carry: leads and the programme's manager included. */
@Singleton
public class ActionSnapshots {

  private final ActionLeadRepository leads;
  private final ProgrammeRepository programmes;

  public ActionSnapshots(ActionLeadRepository leads, ProgrammeRepository programmes) {
    this.leads = leads;
    this.programmes = programmes;
  }

  /** Must run inside the unit of work bound to the action's council. */
  public ActionSnapshot of(ImprovementAction action) {
    PlanPerson manager =
        action.programmeId() == null
            ? null
            : programmes.findById(action.programmeId()).map(Programme::manager).orElse(null);
    return action.snapshot(
        leads.of(action.id()).stream().map(ActionLead::person).toList(), manager);
  }
}
