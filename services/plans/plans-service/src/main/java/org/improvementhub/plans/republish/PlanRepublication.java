package org.improvementhub.plans.republish;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import org.improvementhub.councilschemas.CouncilRepublication;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.plans.action.ActionSnapshots;
import org.improvementhub.plans.action.ImprovementAction;
import org.improvementhub.plans.action.ImprovementActionRepository;
import org.improvementhub.plans.driver.PlanDriver;
import org.improvementhub.plans.driver.PlanDriverRepository;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.DriverSaved;
import org.improvementhub.plans.events.PlanItemSaved;
import org.improvementhub.plans.programme.Programme;
import org.improvementhub.plans.programme.ProgrammeRepository;
import org.improvementhub.plans.tree.PlanItem;
import org.improvementhub.plans.tree.PlanItemRepository;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Announces every plan item, action and driver of the council the unit of work is bound to, with
 * the events readers already apply as upserts: {@code PlanItemSaved}, {@code DriverSaved} and, for
 * actions, {@code ActionCreated} carrying the whole snapshot (every reader keeps the snapshot; none
 * sends an email for it). Overdue actions need no {@code ActionFellOverdue}: readers count overdue
 * from the due date.
 */
@Singleton
public class PlanRepublication implements CouncilRepublication {

  private final ProgrammeRepository programmes;
  private final PlanItemRepository items;
  private final ImprovementActionRepository actions;
  private final ActionSnapshots snapshots;
  private final PlanDriverRepository drivers;
  private final Outbox outbox;

  public PlanRepublication(
      ProgrammeRepository programmes,
      PlanItemRepository items,
      ImprovementActionRepository actions,
      ActionSnapshots snapshots,
      PlanDriverRepository drivers,
      Outbox outbox) {
    this.programmes = programmes;
    this.items = items;
    this.actions = actions;
    this.snapshots = snapshots;
    this.drivers = drivers;
    this.outbox = outbox;
  }

  /**
   * Must run inside the unit of work bound to {@code council}.
   *
   * @return how many events were announced
   */
  @Transactional
  @Override
  public int republish(CouncilSlug council) {
    int announced = 0;
    for (Programme programme : programmes.findAll()) {
      String[] levels = programme.levelNames();
      for (PlanItem item : items.inProgramme(programme.id())) {
        outbox.append(
            PlanItemSaved.TOPIC,
            council,
            PlanItemSaved.TYPE,
            1,
            item.id().toString(),
            new PlanItemSaved(
                item.id(),
                item.programmeId(),
                item.parentId(),
                item.ref(),
                item.title(),
                item.depth() + 1,
                levels.length == 0 ? null : levels[Math.min(item.depth(), levels.length - 1)]));
        announced++;
      }
    }
    for (ImprovementAction action : actions.findAll()) {
      outbox.append(
          ActionCreated.TOPIC,
          council,
          ActionCreated.TYPE,
          1,
          action.id().toString(),
          new ActionCreated(
              action.id(),
              action.ref(),
              action.title(),
              action.leadName(),
              action.leadEmail(),
              action.effectiveDueDate(),
              action.ragStatus().name(),
              snapshots.of(action)));
      announced++;
    }
    for (PlanDriver driver : drivers.register()) {
      List<java.util.UUID> linked = drivers.linkedActions(driver.id());
      outbox.append(
          DriverSaved.TOPIC,
          council,
          DriverSaved.TYPE,
          1,
          driver.id().toString(),
          new DriverSaved(
              driver.id(),
              driver.programmeId(),
              driver.kind().name(),
              driver.ref(),
              driver.text(),
              driver.timeframe() == null ? null : driver.timeframe().name(),
              List.copyOf(linked)));
      announced++;
    }
    return announced;
  }
}
