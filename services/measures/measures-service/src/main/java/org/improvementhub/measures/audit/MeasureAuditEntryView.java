package org.improvementhub.measures.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** An audit entry as the API shows it, with the record's before and after as JSON. */
@Serdeable
public record MeasureAuditEntryView(
    long id,
    Instant occurredAt,
    String actor,
    String recordType,
    String recordId,
    @Nullable UUID measureId,
    String change,
    @Nullable JsonNode before,
    @Nullable JsonNode after) {}
