package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.improvementhub.audit.AuditActor;
import org.improvementhub.audit.AuditJson;
import org.improvementhub.audit.AuditQuery;
import org.improvementhub.messaging.schema.ServiceSchema;

/**
 * The trail of platform-wide changes in the service's own schema (plain JDBC, as for the bank
 * holidays it audits: the council schemas Micronaut Data switches between do not hold it).
 */
@Singleton
public class PlatformAuditTrail {

  private final TransactionOperations<Connection> transactions;
  private final AuditActor actor;
  private final AuditJson json;
  private final Clock clock;
  private final String table;

  public PlatformAuditTrail(
      TransactionOperations<Connection> transactions,
      AuditActor actor,
      AuditJson json,
      Clock clock,
      ServiceSchema schema) {
    this.transactions = transactions;
    this.actor = actor;
    this.json = json;
    this.clock = clock;
    this.table = schema.table("platform_audit_entry");
  }

  /** Records a change on {@code connection}, inside the transaction that made it. */
  public void record(
      Connection connection,
      String recordType,
      Object recordId,
      String change,
      @Nullable Object before,
      @Nullable Object after)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (occurred_at, actor, record_type, record_id, change, before, after)"
                + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))")) {
      insert.setTimestamp(1, Timestamp.from(clock.instant()));
      insert.setString(2, actor.current());
      insert.setString(3, recordType);
      insert.setString(4, String.valueOf(recordId));
      insert.setString(5, change);
      insert.setString(6, json.write(before));
      insert.setString(7, json.write(after));
      insert.executeUpdate();
    }
  }

  /** A page of the trail, newest first, and how many entries there are. */
  public NotificationAuditPage page(AuditQuery query) {
    return transactions.executeRead(
        status -> {
          Connection connection = status.getConnection();
          List<NotificationAuditEntryView> items = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, occurred_at, actor, record_type, record_id, change, before::text,"
                      + " after::text FROM "
                      + table
                      + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
            select.setInt(1, query.size());
            select.setLong(2, query.offset());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                items.add(
                    new NotificationAuditEntryView(
                        rows.getLong(1),
                        rows.getTimestamp(2).toInstant(),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        json.read(rows.getString(7)),
                        json.read(rows.getString(8))));
              }
            }
          }
          long total;
          try (PreparedStatement count =
                  connection.prepareStatement("SELECT count(*) FROM " + table);
              ResultSet rows = count.executeQuery()) {
            rows.next();
            total = rows.getLong(1);
          }
          return new NotificationAuditPage(items, query.page(), query.size(), total);
        });
  }
}
