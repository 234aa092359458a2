package org.improvementhub.plans.overdue;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.observability.metrics.CouncilMetrics;
import org.improvementhub.plans.action.ActionSnapshots;
import org.improvementhub.plans.action.ImprovementAction;
import org.improvementhub.plans.action.ImprovementActionRepository;
import org.improvementhub.plans.audit.AuditTrail;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Finds one council's actions that are past their effective (revised) due date and not complete,
 * and announces each once per due date: the notice row and the event are written in one
 * transaction, so a scan that runs twice, or dies half-way, never announces an action twice nor
 * misses one.
 */
@Singleton
public class CouncilOverdueScan {

  /** Actions past their effective due date and not complete, per council, at the last scan. */
  static final String OVERDUE = "hub.plans.actions.overdue";

  private final ImprovementActionRepository actions;
  private final OverdueNoticeRepository notices;
  private final ActionSnapshots snapshots;
  private final Outbox outbox;
  private final CouncilMetrics metrics;
  private final AuditTrail audit;

  public CouncilOverdueScan(
      ImprovementActionRepository actions,
      OverdueNoticeRepository notices,
      ActionSnapshots snapshots,
      Outbox outbox,
      CouncilMetrics metrics,
      AuditTrail audit) {
    this.audit = audit;
    this.actions = actions;
    this.notices = notices;
    this.snapshots = snapshots;
    this.outbox = outbox;
    this.metrics = metrics;
  }

  /**
   * Scans the council the unit of work is bound to.
   *
   * @return how many actions fell overdue in this scan
   */
  @Transactional
  public int scan(CouncilSlug council, LocalDate today) {
    int announced = 0;
    List<ImprovementAction> overdue = actions.overdueOn(today);
    // as of this scan (daily, after start-up, on request): completing an action lowers it next time
    metrics.gauge(OVERDUE, council).set(overdue.size());
    for (ImprovementAction action : overdue) {
      if (notices.recordIfNew(action.id(), action.effectiveDueDate(), today) == 1) {
        ActionSnapshot snapshot = snapshots.of(action);
        outbox.append(
            ActionFellOverdue.TOPIC,
            council,
            ActionFellOverdue.TYPE,
            1,
            action.id().toString(),
            new ActionFellOverdue(
                action.id(),
                action.ref(),
                action.title(),
                action.leadName(),
                action.leadEmail(),
                action.effectiveDueDate(),
                action.ragStatus().name(),
                today,
                snapshot.leads(),
                snapshot));
        // the action itself is unchanged; what changed is that it is now announced overdue
        audit.record(
            "action",
            action.id(),
            "FELL_OVERDUE",
            null,
            Map.of(
                "ref", String.valueOf(action.ref()),
                "effectiveDueDate", action.effectiveDueDate().toString(),
                "noticedOn", today.toString()));
        announced++;
      }
    }
    return announced;
  }
}
