package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change; {@code before} and {@code after} are the record's JSON either side, {@code
 * measureId} the measure it belongs to (none for an import as a whole).
 */
@MappedEntity("measure_audit_entry")
public record MeasureAuditEntry(
    @Id @GeneratedValue Long id,
    Instant occurredAt,
    String actor,
    String recordType,
    String recordId,
    @Nullable UUID measureId,
    String change,
    @Nullable String before,
    @Nullable String after) {}
