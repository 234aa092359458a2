package org.improvementhub.notifications.delivery;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.improvementhub.notifications.settings.CouncilSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the next due email of the council the unit of work is bound to.
 *
 * <p>One email per transaction: the row stays locked while the SMTP server is asked, and is marked
 * SENT in the same transaction only after the server accepted it. Another sender skips the locked
 * row. If the process dies between the server's acceptance and the commit, the row is still QUEUED
 * and that one email is sent again, with the same Message-ID; a graceful stop waits for the
 * transaction in progress (see {@link EmailDispatcher}), so it never leaves one behind.
 */
@Singleton
public class CouncilEmailSender {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilEmailSender.class);

  private final EmailDeliveryRepository deliveries;
  private final SmtpCourier courier;
  private final RetrySchedule retries;
  private final CouncilSettings settings;
  private final Clock clock;

  public CouncilEmailSender(
      EmailDeliveryRepository deliveries,
      SmtpCourier courier,
      RetrySchedule retries,
      CouncilSettings settings,
      Clock clock) {
    this.deliveries = deliveries;
    this.settings = settings;
    this.courier = courier;
    this.retries = retries;
    this.clock = clock;
  }

  @Transactional
  public Outcome sendNextDue(SmtpConnection connection) {
    Optional<EmailDelivery> due = deliveries.claimNextDue(clock.instant());
    if (due.isEmpty()) {
      return Outcome.NONE_DUE;
    }
    EmailDelivery email = due.get();
    try {
      courier.send(email, settings.current(), connection);
    } catch (RuntimeException e) {
      return recordFailure(email, SendFailure.of(e));
    }
    deliveries.markSent(email.id(), clock.instant());
    return Outcome.SENT;
  }

  private Outcome recordFailure(EmailDelivery email, SendFailure failure) {
    Instant now = clock.instant();
    int attempt = email.attempts() + 1;
    if (failure.permanent()) {
      LOG.warn("Email {} ({}) refused for good: {}", email.id(), email.kind(), failure.reason());
      deliveries.markFailed(email.id(), now, failure.reason());
      return Outcome.FAILED;
    }
    Optional<Instant> next = retries.nextAttempt(attempt, now);
    if (next.isEmpty()) {
      LOG.warn("Email {} ({}) given up after {} attempts", email.id(), email.kind(), attempt);
      deliveries.markFailed(
          email.id(), now, "Gave up after " + attempt + " attempts: " + failure.reason());
      return Outcome.FAILED;
    }
    LOG.info(
        "Email {} not sent (attempt {}), retrying at {}: {}",
        email.id(),
        attempt,
        next.get(),
        failure.reason());
    deliveries.retryLater(email.id(), now, next.get(), failure.reason());
    return Outcome.RETRY_LATER;
  }

  /** What one call did. */
  public enum Outcome {
    NONE_DUE,
    SENT,
    RETRY_LATER,
    FAILED
  }
}
