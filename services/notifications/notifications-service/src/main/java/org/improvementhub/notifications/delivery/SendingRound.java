package org.improvementhub.notifications.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.improvementhub.notifications.delivery.DeliveryClaim.DeliveryRecordException;
import org.improvementhub.notifications.settings.NotificationSettings;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * What one council's emails of one dispatch round share: one database connection for their claims
 * (each email still its own transaction on it, see {@link DeliveryClaim}), one SMTP connection and
 * the council's settings as they stood when the round began (a change applies from the next round,
 * a second or so later).
 *
 * <p>Each email used to take a connection from the pool for its claim and another for its row and
 * the settings, then reset both: three quarters of its database round trips.
 */
public final class SendingRound implements AutoCloseable {

  private final CouncilSlug council;
  private final Connection database;
  private final SmtpConnection smtp;
  private final NotificationSettings settings;

  private SendingRound(
      CouncilSlug council,
      Connection database,
      SmtpConnection smtp,
      NotificationSettings settings) {
    this.council = council;
    this.database = database;
    this.smtp = smtp;
    this.settings = settings;
  }

  static SendingRound open(
      CouncilSlug council, DataSource pool, SmtpConnection smtp, NotificationSettings settings) {
    Connection database = null;
    try {
      database = pool.getConnection();
      database.setAutoCommit(false);
      return new SendingRound(council, database, smtp, settings);
    } catch (SQLException e) {
      closeQuietly(database);
      smtp.close();
      throw new DeliveryRecordException("Could not open a connection for " + council, e);
    }
  }

  CouncilSlug council() {
    return council;
  }

  Connection database() {
    return database;
  }

  SmtpConnection smtp() {
    return smtp;
  }

  NotificationSettings settings() {
    return settings;
  }

  /**
   * Closes both connections; nothing uncommitted is left (each claim rolls back what it did not).
   */
  @Override
  public void close() {
    try {
      smtp.close();
    } finally {
      closeQuietly(database);
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // a broken connection: the pool discards it
      }
    }
  }
}
