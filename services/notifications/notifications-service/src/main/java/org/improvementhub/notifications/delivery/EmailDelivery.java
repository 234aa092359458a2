package org.improvementhub.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One email of a council: its content, its recipient and what became of it. */
@MappedEntity("email_delivery")
public record EmailDelivery(
    @Id UUID id,
    String idempotencyKey,
    EmailKind kind,
    @Nullable UUID actionId,
    @Nullable String actionRef,
    @Nullable LocalDate dueDate,
    String recipient,
    @Nullable String recipientName,
    String messageId,
    String subject,
    String bodyText,
    String bodyHtml,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    @Nullable Instant lastAttemptAt,
    @Nullable String lastError,
    Instant createdAt,
    @Nullable Instant sentAt) {}
