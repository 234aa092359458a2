package org.improvementhub.notifications.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * One due email claimed for sending: its row locked in a transaction of its own on the connection
 * of the council's sending round ({@link SendingRound}), so that the transaction can be committed
 * in the middle of the SMTP conversation (see {@link EndOfDataTransport}) rather than when a method
 * returns. Another sender skips the locked row.
 *
 * <p>If the process dies before the record of {@link #sentAt} commits, the database rolls the claim
 * back and the email is due again, while the server, never told the message was complete, dropped
 * it.
 *
 * <p>The claim reads the whole row with its lock (one round trip, where a second query used to
 * fetch it), and one connection serves a council's whole round (where each email took its own from
 * the pool and reset it afterwards): each transaction is still one email's.
 */
final class DeliveryClaim implements AutoCloseable {

  private final Connection connection;
  private final String table;
  private final EmailDelivery email;
  private boolean sentCommitted;

  private DeliveryClaim(Connection connection, String table, EmailDelivery email) {
    this.connection = connection;
    this.table = table;
    this.email = email;
  }

  /**
   * Claims the council's next due email, if any, in a new transaction on {@code connection} (not
   * auto-committing, with no transaction open).
   */
  static Optional<DeliveryClaim> next(Connection connection, CouncilSlug council, Instant now) {
    String table = council.schemaName() + ".email_delivery";
    try {
      try (PreparedStatement due =
          connection.prepareStatement(
              "SELECT id, idempotency_key, kind, action_id, action_ref, due_date, recipient,"
                  + " recipient_name, message_id, subject, body_text, body_html, status, attempts,"
                  + " next_attempt_at, last_attempt_at, last_error, created_at, sent_at FROM "
                  + table
                  + " WHERE status = 'QUEUED' AND next_attempt_at <= ?"
                  + " ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED")) {
        due.setTimestamp(1, Timestamp.from(now));
        try (ResultSet row = due.executeQuery()) {
          if (row.next()) {
            return Optional.of(new DeliveryClaim(connection, table, email(row)));
          }
        }
      }
      connection.rollback();
      return Optional.empty();
    } catch (SQLException e) {
      rollbackQuietly(connection);
      throw new DeliveryRecordException("Could not claim the next email of " + council, e);
    }
  }

  private static EmailDelivery email(ResultSet row) throws SQLException {
    return new EmailDelivery(
        row.getObject("id", UUID.class),
        row.getString("idempotency_key"),
        EmailKind.valueOf(row.getString("kind")),
        row.getObject("action_id", UUID.class),
        row.getString("action_ref"),
        row.getObject("due_date", LocalDate.class),
        row.getString("recipient"),
        row.getString("recipient_name"),
        row.getString("message_id"),
        row.getString("subject"),
        row.getString("body_text"),
        row.getString("body_html"),
        DeliveryStatus.valueOf(row.getString("status")),
        row.getInt("attempts"),
        instant(row, "next_attempt_at"),
        instant(row, "last_attempt_at"),
        row.getString("last_error"),
        instant(row, "created_at"),
        instant(row, "sent_at"));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  /** The claimed email, as its row stood when claimed. */
  EmailDelivery email() {
    return email;
  }

  UUID id() {
    return email.id();
  }

  /**
   * The email's record as sent at {@code at}: written before the server is told the message is
   * complete, committed straight after (see {@link EndOfDataTransport}).
   */
  SentRecord sentAt(Instant at) {
    return new SentRecord() {
      @Override
      public void write() {
        execute(
            "UPDATE "
                + table
                + " SET status = 'SENT', attempts = attempts + 1, last_attempt_at = ?,"
                + " sent_at = ?, last_error = NULL WHERE id = ?",
            at,
            at);
      }

      @Override
      public void commit() {
        try {
          connection.commit();
        } catch (SQLException e) {
          throw new DeliveryRecordException(
              "Could not commit the record of email " + email.id(), e);
        }
        sentCommitted = true;
      }
    };
  }

  /**
   * The attempt failed: the email is due again at {@code nextAttemptAt}. If it had been recorded as
   * sent, the server did not confirm it after all, and the record is undone.
   */
  void retryLater(Instant at, Instant nextAttemptAt, String error) {
    update(
        "UPDATE "
            + table
            + " SET status = 'QUEUED', sent_at = NULL, attempts = attempts + "
            + (sentCommitted ? "0" : "1")
            + ", last_attempt_at = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
        at,
        nextAttemptAt,
        error);
  }

  /** The email is given up for good. */
  void markFailed(Instant at, String error) {
    update(
        "UPDATE "
            + table
            + " SET status = 'FAILED', sent_at = NULL, attempts = attempts + "
            + (sentCommitted ? "0" : "1")
            + ", last_attempt_at = ?, last_error = ? WHERE id = ?",
        at,
        error);
  }

  private void update(String sql, Object... values) {
    execute(sql, values);
    try {
      connection.commit();
    } catch (SQLException e) {
      throw new DeliveryRecordException("Could not record what became of email " + email.id(), e);
    }
  }

  private void execute(String sql, Object... values) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object value : values) {
        statement.setObject(
            index++, value instanceof Instant instant ? Timestamp.from(instant) : value);
      }
      statement.setObject(index, email.id());
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new DeliveryRecordException("Could not record what became of email " + email.id(), e);
    }
  }

  /**
   * Ends the claim: what was not committed is rolled back, and the row is free again. The
   * connection stays open for the round's next claim.
   */
  @Override
  public void close() {
    rollbackQuietly(connection);
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is broken: the round's next use of it fails and ends the round, and the
      // pool discards it
    }
  }

  /** The database could not be asked or told about an email. */
  static final class DeliveryRecordException extends RuntimeException {
    DeliveryRecordException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
