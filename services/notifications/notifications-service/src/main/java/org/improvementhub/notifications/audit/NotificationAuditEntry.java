package org.improvementhub.notifications.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One recorded change; {@code before} and {@code after} are the record's JSON either side. */
@MappedEntity("notification_audit_entry")
public record NotificationAuditEntry(
    @Id @GeneratedValue Long id,
    Instant occurredAt,
    String actor,
    String recordType,
    String recordId,
    String change,
    @Nullable String before,
    @Nullable String after) {}
