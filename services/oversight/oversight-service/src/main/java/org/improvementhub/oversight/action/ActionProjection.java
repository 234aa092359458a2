package org.improvementhub.oversight.action;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.projection.Projection;
import org.improvementhub.oversight.projection.SourcePosition;
import org.improvementhub.oversight.tally.CouncilTallies;
import org.improvementhub.oversight.tally.ReportingDay;
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionDueDateRevised;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;
import org.improvementhub.plans.events.ActionWithdrawn;

/**
 * Keeps each council's actions as the latest plans event describes them. Every action event carries
 * the whole action, so applying one is an upsert; the source position makes it safe to apply events
 * again (a redelivery, a replay racing the live listener): an older event never overwrites a newer.
 * In the same transaction it recounts the council's tally and keeps the month's RAG snapshot. A
 * withdrawn action (its snapshot says when) stays in the table but out of every count.
 */
@Singleton
public class ActionProjection implements Projection {

  private static final java.util.Set<String> ACTION_TYPES =
      java.util.Set.of(
          ActionCreated.TYPE,
          ActionFellOverdue.TYPE,
          ActionProgressReported.TYPE,
          ActionDueDateRevised.TYPE,
          ActionCompleted.TYPE,
          ActionWithdrawn.TYPE);

  private final EventCodec codec;
  private final CouncilTallies tallies;

  public ActionProjection(EventCodec codec, CouncilTallies tallies) {
    this.codec = codec;
    this.tallies = tallies;
  }

  /** Whether events of this type describe an action (and so are applied). */
  public static boolean describesAction(String type) {
    return ACTION_TYPES.contains(type);
  }

  /**
   * {@inheritDoc} The tally brings the month's RAG snapshot with it: a rebuild brings both up to
   * date once, at the last event of each council's month.
   */
  @Override
  public boolean apply(
      Connection connection, EventEnvelope event, SourcePosition position, boolean tally)
      throws SQLException {
    Optional<ObservedChange> change = changeOf(event);
    if (change.isEmpty()) {
      return false;
    }
    ObservedChange observed = change.get();
    ActionSnapshot action = observed.action();
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO oversight.observed_action (council, action_id, ref, title, rag_status,"
                + " due_date, completed_on, overdue_since, updated_at, source_partition,"
                + " source_offset, latest_note, latest_period, plan_item_id, withdrawn_on)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (council, action_id) DO UPDATE SET ref = EXCLUDED.ref,"
                + " title = EXCLUDED.title, rag_status = EXCLUDED.rag_status,"
                + " completed_on = EXCLUDED.completed_on,"
                + " overdue_since = CASE WHEN EXCLUDED.due_date <> observed_action.due_date"
                + " THEN EXCLUDED.overdue_since"
                + " ELSE COALESCE(EXCLUDED.overdue_since, observed_action.overdue_since) END,"
                + " due_date = EXCLUDED.due_date, updated_at = EXCLUDED.updated_at,"
                + " source_partition = EXCLUDED.source_partition,"
                + " source_offset = EXCLUDED.source_offset,"
                + " latest_note = COALESCE(EXCLUDED.latest_note, observed_action.latest_note),"
                + " latest_period = COALESCE(EXCLUDED.latest_period, observed_action.latest_period),"
                + " plan_item_id = EXCLUDED.plan_item_id, withdrawn_on = EXCLUDED.withdrawn_on"
                + SourcePosition.onlyIfNewerThanRowOf("observed_action"))) {
      upsert.setString(1, event.council());
      upsert.setObject(2, action.actionId());
      upsert.setString(3, action.ref());
      upsert.setString(4, action.title());
      upsert.setString(5, action.ragStatus());
      upsert.setDate(6, Date.valueOf(action.dueDate()));
      upsert.setDate(7, action.completedOn() == null ? null : Date.valueOf(action.completedOn()));
      upsert.setDate(
          8, observed.overdueSince() == null ? null : Date.valueOf(observed.overdueSince()));
      upsert.setTimestamp(9, Timestamp.from(event.occurredAt()));
      position.bind(upsert, 10);
      upsert.setString(12, observed.note() != null ? observed.note() : action.latestReviewNote());
      upsert.setString(13, observed.period());
      upsert.setObject(14, action.planItemId());
      upsert.setDate(15, action.withdrawnOn() == null ? null : Date.valueOf(action.withdrawnOn()));
      if (upsert.executeUpdate() == 0) {
        // an older event than the one already applied: the tally and snapshot stand
        return true;
      }
    }
    if (tally) {
      tallies.countActions(connection, event.council());
      tallies.snapshot(connection, event.council(), ReportingDay.periodOf(event.occurredAt()));
    }
    return true;
  }

  private Optional<ObservedChange> changeOf(EventEnvelope event) {
    return switch (event.type()) {
      case ActionCreated.TYPE -> {
        ActionCreated created = codec.dataOf(event, ActionCreated.class);
        yield Optional.of(
            new ObservedChange(
                created.action() != null
                    ? created.action()
                    : flat(
                        created.actionId(),
                        created.ref(),
                        created.title(),
                        created.dueDate(),
                        created.ragStatus()),
                null));
      }
      case ActionFellOverdue.TYPE -> {
        ActionFellOverdue overdue = codec.dataOf(event, ActionFellOverdue.class);
        yield Optional.of(
            new ObservedChange(
                overdue.action() != null
                    ? overdue.action()
                    : flat(
                        overdue.actionId(),
                        overdue.ref(),
                        overdue.title(),
                        overdue.dueDate(),
                        overdue.ragStatus()),
                overdue.detectedOn()));
      }
      case ActionProgressReported.TYPE -> {
        ActionProgressReported report = codec.dataOf(event, ActionProgressReported.class);
        yield Optional.of(
            new ObservedChange(report.action(), null, report.note(), report.period()));
      }
      case ActionDueDateRevised.TYPE ->
          Optional.of(
              new ObservedChange(codec.dataOf(event, ActionDueDateRevised.class).action(), null));
      case ActionCompleted.TYPE ->
          Optional.of(
              new ObservedChange(codec.dataOf(event, ActionCompleted.class).action(), null));
      case ActionWithdrawn.TYPE ->
          Optional.of(
              new ObservedChange(codec.dataOf(event, ActionWithdrawn.class).action(), null));
      default -> Optional.empty();
    };
  }

  /** Events written before actions carried a whole snapshot. */
  private static ActionSnapshot flat(
      UUID id, String ref, String title, LocalDate dueDate, String ragStatus) {
    return new ActionSnapshot(
        id, ref, title, java.util.List.of(), null, dueDate, ragStatus, null, null, null);
  }

  private record ObservedChange(
      ActionSnapshot action, LocalDate overdueSince, String note, String period) {
    ObservedChange(ActionSnapshot action, LocalDate overdueSince) {
      this(action, overdueSince, null, null);
    }
  }
}
