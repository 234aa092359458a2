package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Appends to and reads the council's notifications trail; deliberately no update or delete. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NotificationAuditEntryRepository
    extends GenericRepository<NotificationAuditEntry, Long> {

  String FILTER =
      " WHERE (CAST(:recordType AS text) IS NULL OR record_type = CAST(:recordType AS text))"
          + " AND (CAST(:recordId AS text) IS NULL OR record_id = CAST(:recordId AS text))"
          + " AND (CAST(:actor AS text) IS NULL OR actor = CAST(:actor AS text))";

  @Query(
      "INSERT INTO notification_audit_entry"
          + " (occurred_at, actor, record_type, record_id, change, before, after)"
          + " VALUES (:occurredAt, :actor, :recordType, :recordId, :change,"
          + " CAST(:before AS jsonb), CAST(:after AS jsonb))")
  void append(
      Instant occurredAt,
      String actor,
      String recordType,
      String recordId,
      String change,
      @Nullable String before,
      @Nullable String after);

  @Query(
      "SELECT id, occurred_at, actor, record_type, record_id, change,"
          + " before::text AS before, after::text AS after FROM notification_audit_entry"
          + FILTER
          + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
  List<NotificationAuditEntry> page(
      @Nullable String recordType,
      @Nullable String recordId,
      @Nullable String actor,
      int limit,
      long offset);

  @Query("SELECT count(*) FROM notification_audit_entry" + FILTER)
  long count(@Nullable String recordType, @Nullable String recordId, @Nullable String actor);
}
