package org.improvementhub.measures.link;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.PlanItemSaved;

/**
 * Keeps the council's copy of the plans service's actions and plan items from its events; runs
 * inside each event's inbox transaction. Events of one record arrive in order (they share a key),
 * so the latest event simply replaces what was known.
 */
@Singleton
public class PlanRecords {

  private final PlanRecordRepository records;
  private final MeasureLinkRepository links;
  private final Clock clock;

  public PlanRecords(PlanRecordRepository records, MeasureLinkRepository links, Clock clock) {
    this.records = records;
    this.links = links;
    this.clock = clock;
  }

  /** An action as a whole snapshot describes it. */
  public void actionIs(ActionSnapshot action) {
    save(
        new PlanRecord(
            action.actionId(),
            PlanRecordKind.ACTION,
            action.programmeId(),
            action.ref(),
            action.title(),
            action.ragStatus(),
            action.completedOn(),
            action.planItemId(),
            null,
            clock.instant()));
  }

  /** An action as the first, snapshot-less shape of {@code ActionCreated} describes it. */
  public void actionIs(UUID actionId, String ref, String title, @Nullable String ragStatus) {
    save(
        new PlanRecord(
            actionId,
            PlanRecordKind.ACTION,
            null,
            ref,
            title,
            ragStatus,
            null,
            null,
            null,
            clock.instant()));
  }

  public void itemIs(PlanItemSaved item) {
    save(
        new PlanRecord(
            item.itemId(),
            PlanRecordKind.ITEM,
            item.programmeId(),
            item.ref(),
            item.title(),
            null,
            null,
            item.parentId(),
            item.levelName(),
            clock.instant()));
  }

  /** The item left the plan: so do the links to it. */
  public void itemRemoved(UUID itemId) {
    links.deleteByRecordId(itemId);
    records.deleteById(itemId);
  }

  private void save(PlanRecord record) {
    if (records.existsById(record.id())) {
      records.update(record);
    } else {
      records.save(record);
    }
  }
}
