package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An audit entry as the API shows it, with the record's before and after as JSON. */
@Serdeable
public record NotificationAuditEntryView(
    long id,
    Instant occurredAt,
    String actor,
    String recordType,
    String recordId,
    String change,
    @Nullable JsonNode before,
    @Nullable JsonNode after) {}
