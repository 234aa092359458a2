package org.improvementhub.tenancy.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An audit entry as the API shows it, with the record's before and after as JSON. */
@Serdeable
public record TenancyAuditEntryView(
    long id,
    Instant occurredAt,
    String actor,
    @Nullable String council,
    String recordType,
    String recordId,
    String change,
    @Nullable JsonNode before,
    @Nullable JsonNode after) {}
