package org.improvementhub.plans.overdue;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.action.ImprovementAction;
import org.improvementhub.plans.action.ImprovementActionRepository;
import org.improvementhub.plans.action.RagStatus;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Finds one council's actions that are past due and not complete, and announces each once per due
 * date: the notice row and the event are written in one transaction, so a scan that runs twice, or
 * dies half-way, never announces an action twice nor misses one.
 */
@Singleton
public class CouncilOverdueScan {

  private final ImprovementActionRepository actions;
  private final OverdueNoticeRepository notices;
  private final Outbox outbox;

  public CouncilOverdueScan(
      ImprovementActionRepository actions, OverdueNoticeRepository notices, Outbox outbox) {
    this.actions = actions;
    this.notices = notices;
    this.outbox = outbox;
  }

  /**
   * Scans the council the unit of work is bound to.
   *
   * @return how many actions fell overdue in this scan
   */
  @Transactional
  public int scan(CouncilSlug council, LocalDate today) {
    int announced = 0;
    for (ImprovementAction action :
        actions.findByDueDateLessThanAndRagStatusNotEquals(today, RagStatus.BLUE)) {
      if (notices.recordIfNew(action.id(), action.dueDate(), today) == 1) {
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
                action.dueDate(),
                action.ragStatus().name(),
                today,
                action.snapshot().leads(),
                action.snapshot()));
        announced++;
      }
    }
    return announced;
  }
}
