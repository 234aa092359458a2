package org.improvementhub.notifications.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * One due email claimed for sending: its row locked in a transaction on a connection of its own, so
 * that the transaction can be committed in the middle of the SMTP conversation (see {@link
 * EndOfDataTransport}) rather than when a method returns. Another sender skips the locked row.
 *
 * <p>If the process dies before the record of {@link #sentAt} commits, the database rolls the claim
 * back and the email is due again, while the server, never told the message was complete, dropped
 * it.
 */
final class DeliveryClaim implements AutoCloseable {

  private final Connection connection;
  private final String table;
  private final UUID id;
  private boolean sentCommitted;

  private DeliveryClaim(Connection connection, String table, UUID id) {
    this.connection = connection;
    this.table = table;
    this.id = id;
  }

  /** Claims the council's next due email, if any. */
  static Optional<DeliveryClaim> next(DataSource dataSource, CouncilSlug council, Instant now) {
    String table = council.schemaName() + ".email_delivery";
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(false);
      try (PreparedStatement due =
          connection.prepareStatement(
              "SELECT id FROM "
                  + table
                  + " WHERE status = 'QUEUED' AND next_attempt_at <= ?"
                  + " ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED")) {
        due.setTimestamp(1, Timestamp.from(now));
        try (ResultSet row = due.executeQuery()) {
          if (row.next()) {
            return Optional.of(new DeliveryClaim(connection, table, row.getObject(1, UUID.class)));
          }
        }
      }
      connection.rollback();
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DeliveryRecordException("Could not claim the next email of " + council, e);
    }
  }

  UUID id() {
    return id;
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
          throw new DeliveryRecordException("Could not commit the record of email " + id, e);
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
      throw new DeliveryRecordException("Could not record what became of email " + id, e);
    }
  }

  private void execute(String sql, Object... values) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int index = 1;
      for (Object value : values) {
        statement.setObject(
            index++, value instanceof Instant instant ? Timestamp.from(instant) : value);
      }
      statement.setObject(index, id);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new DeliveryRecordException("Could not record what became of email " + id, e);
    }
  }

  /** Ends the claim: what was not committed is rolled back, and the row is free again. */
  @Override
  public void close() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // the connection is going back broken; the pool will discard it
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // nothing more can be done with it
      }
    }
  }

  /** The database could not be asked or told about an email. */
  static final class DeliveryRecordException extends RuntimeException {
    DeliveryRecordException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
