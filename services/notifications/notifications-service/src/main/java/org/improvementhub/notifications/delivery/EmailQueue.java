package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Queues emails in the council's schema. Joins the caller's transaction (an event's inbox
 * transaction), so an email is queued if and only if the event that asked for it is recorded.
 */
@Singleton
public class EmailQueue {

  private final EmailDeliveryRepository deliveries;
  private final Clock clock;
  private final String messageIdDomain;

  public EmailQueue(
      EmailDeliveryRepository deliveries,
      Clock clock,
      @Value("${hub.notifications.from:improvement-hub@improvementhub.local}") String from) {
    this.deliveries = deliveries;
    this.clock = clock;
    this.messageIdDomain = from.substring(from.lastIndexOf('@') + 1);
  }

  /**
   * Queues {@code email} for the council the unit of work is bound to, unless an email with the
   * same idempotency key was queued before (whatever became of it).
   *
   * @return whether it was queued now
   */
  @Transactional
  public boolean queue(CouncilSlug council, NewEmail email) {
    return deliveries.queueIfNew(
            UUID.randomUUID(),
            email.idempotencyKey(),
            email.kind().name(),
            email.actionId(),
            email.actionRef(),
            email.dueDate(),
            email.recipient(),
            email.recipientName(),
            messageId(council, email.idempotencyKey()),
            email.content().subject(),
            email.content().text(),
            email.content().html(),
            clock.instant())
        == 1;
  }

  /**
   * The Message-ID every attempt at this email carries, derived from the council and the key: if a
   * crash ever sends it twice, mail systems and clients can still tell it is the same email.
   */
  String messageId(CouncilSlug council, String idempotencyKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((council.value() + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
      return "<" + HexFormat.of().formatHex(digest, 0, 20) + "@" + messageIdDomain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
