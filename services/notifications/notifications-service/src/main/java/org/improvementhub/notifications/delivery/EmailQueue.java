package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Queues emails in the council's schema. Joins the caller's transaction (an event's inbox
 * transaction), so an email is queued if and only if the event that asked for it is recorded.
 */
@Singleton
public class EmailQueue {

  /** Rows per statement when many are queued at once: a scan queues a council's day in one go. */
  static final int ROWS_PER_STATEMENT = 500;

  private final EmailDeliveryRepository deliveries;
  private final TransactionOperations<Connection> transactions;
  private final Clock clock;
  private final String messageIdDomain;

  public EmailQueue(
      EmailDeliveryRepository deliveries,
      TransactionOperations<Connection> transactions,
      Clock clock,
      @Value("${hub.notifications.from:improvement-hub@improvementhub.local}") String from) {
    this.deliveries = deliveries;
    this.transactions = transactions;
    this.clock = clock;
    this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
  }

  /**
   * Queues {@code email} for the council the unit of work is bound to, unless an email with the
   * same idempotency key was queued before (whatever became of it).
   *
   * @return whether it was queued now
   */
  @Transactional
  public boolean queue(CouncilSlug council, NewEmail email) {
    return deliveries.queueIfNew(
            UUID.randomUUID(),
            email.idempotencyKey(),
            email.kind().name(),
            email.actionId(),
            email.actionRef(),
            email.dueDate(),
            email.recipient(),
            email.recipientName(),
            messageId(council, email.idempotencyKey()),
            email.content().subject(),
            email.content().text(),
            email.content().html(),
            clock.instant())
        == 1;
  }

  /**
   * Queues every email of {@code emails}, as {@link #queue} does one by one, in one statement per
   * {@value #ROWS_PER_STATEMENT} rows (arrays unnested): a schedule scan queues 200 emails for a
   * council, and a round trip and a repository call each was most of its database time. Of two
   * emails with the same key only the first counts, as it would one by one.
   *
   * @return how many were queued now
   */
  @Transactional
  public int queueAll(CouncilSlug council, List<NewEmail> emails) {
    Map<String, NewEmail> byKey = new LinkedHashMap<>();
    for (NewEmail email : emails) {
      byKey.putIfAbsent(email.idempotencyKey(), email);
    }
    List<NewEmail> unique = new ArrayList<>(byKey.values());
    if (unique.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    return transactions.executeWrite(
        status -> {
          int queued = 0;
          for (int from = 0; from < unique.size(); from += ROWS_PER_STATEMENT) {
            queued +=
                insert(
                    status.getConnection(),
                    council,
                    unique.subList(from, Math.min(unique.size(), from + ROWS_PER_STATEMENT)),
                    now);
          }
          return queued;
        });
  }

  /**
   * Of {@code keys}, those already queued, sent or failed: queueing them again would change nothing
   * (only a cancelled email is queued again), so a scan need not write them. A council's scan runs
   * every quarter of an hour and finds most of its day's emails already there.
   */
  @Transactional
  public java.util.Set<String> alreadyThere(CouncilSlug council, List<String> keys) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    return transactions.executeWrite(
        status -> {
          java.util.Set<String> there = new java.util.HashSet<>();
          try (PreparedStatement select =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT idempotency_key FROM "
                          + council.schemaName()
                          + ".email_delivery WHERE idempotency_key = ANY(?)"
                          + " AND status <> 'CANCELLED'")) {
            select.setArray(
                1, status.getConnection().createArrayOf("text", keys.toArray(String[]::new)));
            try (java.sql.ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                there.add(rows.getString(1));
              }
            }
          }
          return there;
        });
  }

  private int insert(Connection connection, CouncilSlug council, List<NewEmail> emails, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + council.schemaName()
            + ".email_delivery (id, idempotency_key, kind, action_id, action_ref, due_date,"
            + " recipient, recipient_name, message_id, subject, body_text, body_html, status,"
            + " attempts, next_attempt_at, created_at)"
            + " SELECT CAST(e.id AS uuid), e.k, e.kind, CAST(e.a AS uuid), e.r, CAST(e.d AS date),"
            + " e.rc, e.rn, e.m, e.s, e.t, e.h, 'QUEUED', 0, ?, ?"
            + " FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " AS e(id, k, kind, a, r, d, rc, rn, m, s, t, h)"
            + " ON CONFLICT (idempotency_key) DO UPDATE SET status = 'QUEUED', attempts = 0,"
            + " recipient_name = EXCLUDED.recipient_name, subject = EXCLUDED.subject,"
            + " body_text = EXCLUDED.body_text, body_html = EXCLUDED.body_html,"
            + " next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL,"
            + " created_at = EXCLUDED.created_at WHERE email_delivery.status = 'CANCELLED'";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      java.sql.Timestamp at = java.sql.Timestamp.from(now);
      insert.setTimestamp(1, at);
      insert.setTimestamp(2, at);
      List<Function<NewEmail, Object>> columns =
          List.of(
              e -> UUID.randomUUID(),
              NewEmail::idempotencyKey,
              e -> e.kind().name(),
              NewEmail::actionId,
              NewEmail::actionRef,
              NewEmail::dueDate,
              NewEmail::recipient,
              NewEmail::recipientName,
              e -> messageId(council, e.idempotencyKey()),
              e -> e.content().subject(),
              e -> e.content().text(),
              e -> e.content().html());
      for (int column = 0; column < columns.size(); column++) {
        String[] values = new String[emails.size()];
        for (int row = 0; row < values.length; row++) {
          Object value = columns.get(column).apply(emails.get(row));
          values[row] = value == null ? null : Objects.toString(value);
        }
        insert.setArray(3 + column, connection.createArrayOf("text", values));
      }
      return insert.executeUpdate();
    }
  }

  /**
   * The Message-ID every attempt at this email carries, derived from the council and the key: if a
   * crash ever sends it twice, mail systems and clients can still tell it is the same email.
   */
  String messageId(CouncilSlug council, String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((council.value() + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 20) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
