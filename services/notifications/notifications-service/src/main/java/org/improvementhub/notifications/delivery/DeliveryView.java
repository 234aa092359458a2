package org.improvementhub.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a council's delivery log: who was emailed about what, and what became of it. Never
 * the email's content.
 */
@Serdeable
public record DeliveryView(
    UUID id,
    EmailKind kind,
    DeliveryStatus status,
    String recipient,
    @Nullable UUID actionId,
    @Nullable String actionRef,
    @Nullable LocalDate dueDate,
    int attempts,
    Instant createdAt,
    @Nullable Instant lastAttemptAt,
    @Nullable Instant nextAttemptAt,
    @Nullable Instant sentAt,
    @Nullable String lastError) {

  static DeliveryView of(EmailDelivery email) {
    return new DeliveryView(
        email.id(),
        email.kind(),
        email.status(),
        email.recipient(),
        email.actionId(),
        email.actionRef(),
        email.dueDate(),
        email.attempts(),
        email.createdAt(),
        email.lastAttemptAt(),
        email.status() == DeliveryStatus.QUEUED ? email.nextAttemptAt() : null,
        email.sentAt(),
        email.lastError());
  }
}
