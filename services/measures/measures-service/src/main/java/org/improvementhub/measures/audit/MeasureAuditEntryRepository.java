package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appends to and reads the council's measures trail; there is deliberately no update or delete. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureAuditEntryRepository extends GenericRepository<MeasureAuditEntry, Long> {

  String FILTER =
      " WHERE (CAST(:measureId AS uuid) IS NULL OR measure_id = CAST(:measureId AS uuid))"
          + " AND (CAST(:recordType AS text) IS NULL OR record_type = CAST(:recordType AS text))"
          + " AND (CAST(:recordId AS text) IS NULL OR record_id = CAST(:recordId AS text))"
          + " AND (CAST(:actor AS text) IS NULL OR actor = CAST(:actor AS text))"
          + " AND (CAST(:from AS timestamptz) IS NULL OR occurred_at >= CAST(:from AS timestamptz))"
          + " AND (CAST(:until AS timestamptz) IS NULL OR occurred_at < CAST(:until AS timestamptz))";

  @Query(
      "INSERT INTO measure_audit_entry"
          + " (occurred_at, actor, record_type, record_id, measure_id, change, before, after)"
          + " VALUES (:occurredAt, :actor, :recordType, :recordId, :measureId, :change,"
          + " CAST(:before AS jsonb), CAST(:after AS jsonb))")
  void append(
      Instant occurredAt,
      String actor,
      String recordType,
      String recordId,
      @Nullable UUID measureId,
      String change,
      @Nullable String before,
      @Nullable String after);

  @Query(
      "SELECT id, occurred_at, actor, record_type, record_id, measure_id, change,"
          + " before::text AS before, after::text AS after FROM measure_audit_entry"
          + FILTER
          + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
  List<MeasureAuditEntry> page(
      @Nullable UUID measureId,
      @Nullable String recordType,
      @Nullable String recordId,
      @Nullable String actor,
      @Nullable Instant from,
      @Nullable Instant until,
      int limit,
      long offset);

  @Query("SELECT count(*) FROM measure_audit_entry" + FILTER)
  long count(
      @Nullable UUID measureId,
      @Nullable String recordType,
      @Nullable String recordId,
      @Nullable String actor,
      @Nullable Instant from,
      @Nullable Instant until);
}
