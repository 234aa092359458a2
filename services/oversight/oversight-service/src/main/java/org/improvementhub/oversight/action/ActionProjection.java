package org.improvementhub.oversight.action;

import io.micronaut.transaction.TransactionOperations;
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
import org.improvementhub.plans.events.ActionCompleted;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.plans.events.ActionDueDateRevised;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.plans.events.ActionProgressReported;
import org.improvementhub.plans.events.ActionSnapshot;

/**
 * Keeps each council's actions as the latest plans event describes them. Every action event carries
 * the whole action, so applying one is an upsert; the source position makes it safe to apply events
 * again (a redelivery, a replay racing the live listener): an older event never overwrites a newer.
 */
@Singleton
public class ActionProjection {

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;

  public ActionProjection(TransactionOperations<Connection> transactions, EventCodec codec) {
    this.transactions = transactions;
    this.codec = codec;
  }

  /** Applies the event in a transaction of its own. */
  public void apply(EventEnvelope event, SourcePosition position) {
    transactions.executeWrite(
        status -> {
          apply(status.getConnection(), event, position);
          return null;
        });
  }

  /**
   * Applies the event on {@code connection}, inside the caller's transaction.
   *
   * @return whether the event described an action
   */
  public boolean apply(Connection connection, EventEnvelope event, SourcePosition position)
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
                + " source_offset, latest_note, latest_period)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
                + " latest_period = COALESCE(EXCLUDED.latest_period, observed_action.latest_period)"
                + " WHERE observed_action.source_partition <> EXCLUDED.source_partition"
                + " OR observed_action.source_offset < EXCLUDED.source_offset")) {
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
      upsert.setInt(10, position.partition());
      upsert.setLong(11, position.offset());
      upsert.setString(12, observed.note());
      upsert.setString(13, observed.period());
      upsert.executeUpdate();
    }
    try (PreparedStatement touch =
        connection.prepareStatement(
            "UPDATE oversight.observed_council SET last_update_at = GREATEST(COALESCE("
                + "last_update_at, ?), ?) WHERE slug = ?")) {
      touch.setTimestamp(1, Timestamp.from(event.occurredAt()));
      touch.setTimestamp(2, Timestamp.from(event.occurredAt()));
      touch.setString(3, event.council());
      touch.executeUpdate();
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
