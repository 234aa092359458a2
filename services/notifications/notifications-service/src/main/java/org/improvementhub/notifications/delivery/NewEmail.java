package org.improvementhub.notifications.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;
import org.improvementhub.notifications.template.RenderedEmail;

/**
 * An email a feature wants sent: what it is about (which makes its idempotency key), to whom, and
 * its content.
 */
public record NewEmail(
    EmailKind kind,
    String idempotencyKey,
    @Nullable UUID actionId,
    @Nullable String actionRef,
    @Nullable LocalDate dueDate,
    String recipient,
    @Nullable String recipientName,
    RenderedEmail content) {

  /**
   * The key of the one email of {@code kind} to {@code recipient} about an action, for one of its
   * due dates and one period (0 for the first, n for the n-th repeat).
   */
  public static String actionKey(
      EmailKind kind, UUID actionId, LocalDate dueDate, int period, String recipient) {
    return kind + "/" + actionId + "/" + dueDate + "/" + period + "/" + recipient.toLowerCase();
  }
}
