package org.improvementhub.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The emails of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EmailDeliveryRepository extends GenericRepository<EmailDelivery, UUID> {

  /**
   * Queues an email unless one with the same idempotency key exists; one cancelled before (its due
   * date moved away and back) is queued again with the new content.
   *
   * @return 1 if queued, 0 if the key was already there
   */
  @Query(
      "INSERT INTO email_delivery (id, idempotency_key, kind, action_id, action_ref, due_date,"
          + " recipient, recipient_name, message_id, subject, body_text, body_html, status,"
          + " attempts, next_attempt_at, created_at)"
          + " VALUES (:id, :idempotencyKey, :kind, :actionId, :actionRef, :dueDate, :recipient,"
          + " :recipientName, :messageId, :subject, :bodyText, :bodyHtml, 'QUEUED', 0, :now, :now)"
          + " ON CONFLICT (idempotency_key) DO UPDATE SET status = 'QUEUED', attempts = 0,"
          + " recipient_name = EXCLUDED.recipient_name, subject = EXCLUDED.subject,"
          + " body_text = EXCLUDED.body_text, body_html = EXCLUDED.body_html,"
          + " next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL,"
          + " created_at = EXCLUDED.created_at WHERE email_delivery.status = 'CANCELLED'")
  int queueIfNew(
      UUID id,
      String idempotencyKey,
      String kind,
      @Nullable UUID actionId,
      @Nullable String actionRef,
      @Nullable LocalDate dueDate,
      String recipient,
      @Nullable String recipientName,
      String messageId,
      String subject,
      String bodyText,
      String bodyHtml,
      Instant now);

  Optional<EmailDelivery> findById(UUID id);

  /**
   * Drops the action's emails not sent yet, except those about {@code keepDueDate} (null: all). An
   * email being sent holds its row lock: this waits for it and then finds it no longer queued.
   *
   * @return how many were dropped
   */
  @Query(
      "UPDATE email_delivery SET status = 'CANCELLED', last_error = :reason"
          + " WHERE action_id = :actionId AND status = 'QUEUED'"
          + " AND (CAST(:keepDueDate AS date) IS NULL OR due_date <> :keepDueDate)")
  int cancelQueued(UUID actionId, @Nullable LocalDate keepDueDate, String reason);

  /** The overdue emails (first and repeats) about an action's due date, not cancelled. */
  @Query(
      value =
          "SELECT * FROM email_delivery WHERE action_id = :actionId AND due_date = :dueDate"
              + " AND kind IN ('OVERDUE', 'OVERDUE_REPEAT') AND status <> 'CANCELLED'"
              + " ORDER BY created_at DESC",
      nativeQuery = true)
  List<EmailDelivery> chasesOf(UUID actionId, LocalDate dueDate);

  /** The overdue emails about the current due date of every open tracked action, not cancelled. */
  @Query(
      value =
          "SELECT e.* FROM email_delivery e JOIN tracked_action a ON a.action_id = e.action_id"
              + " AND a.due_date = e.due_date WHERE a.completed_on IS NULL"
              + " AND a.withdrawn_on IS NULL"
              + " AND e.kind IN ('OVERDUE', 'OVERDUE_REPEAT') AND e.status <> 'CANCELLED'",
      nativeQuery = true)
  List<EmailDelivery> chasesOfOpenActions();

  @Query(
      value = "SELECT * FROM email_delivery ORDER BY created_at DESC, id LIMIT :limit",
      nativeQuery = true)
  List<EmailDelivery> newest(int limit);
}
