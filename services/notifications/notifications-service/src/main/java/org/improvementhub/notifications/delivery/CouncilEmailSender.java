package org.improvementhub.notifications.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.improvementhub.notifications.settings.CouncilSettings;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the next due email of the council the unit of work is bound to.
 *
 * <p>The email's row is claimed (locked) first; its record as SENT is written just before the SMTP
 * server is told the message is complete and committed straight after (see {@link
 * EndOfDataTransport}), so that a process killed at any point but an instant of a few microseconds
 * neither loses the email nor sends it twice. If the server then refuses the message, the record is
 * undone and the email retried.
 */
@Singleton
public class CouncilEmailSender {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilEmailSender.class);

  /**
   * Per email, from its final "." written to its record's COMMIT acknowledged: an upper bound of
   * the interval in which a crash would send it twice (see {@link EndOfDataTransport}).
   */
  static final String COMPLETION_WINDOW = "hub.notifications.emails.completion-window";

  private final DataSource dataSource;
  private final SmtpCourier courier;
  private final RetrySchedule retries;
  private final CouncilSettings settings;
  private final Clock clock;
  private final Timer completionWindow;

  public CouncilEmailSender(
      DataSource dataSource,
      DataSourceResolver resolver,
      SmtpCourier courier,
      RetrySchedule retries,
      CouncilSettings settings,
      Clock clock,
      MeterRegistry registry) {
    // the pool itself: a round's claims commit on its own connection, outside Micronaut's
    // transactions
    this.dataSource = resolver.resolve(dataSource);
    this.settings = settings;
    this.courier = courier;
    this.retries = retries;
    this.clock = clock;
    this.completionWindow =
        Timer.builder(COMPLETION_WINDOW)
            .description(
                "From an email's final '.' to its record's COMMIT acknowledged: a crash inside"
                    + " sends the email twice (same Message-ID)")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(10_000))
            .maximumExpectedValue(Duration.ofSeconds(1))
            .register(registry);
  }

  /**
   * Opens a round of the council the unit of work is bound to: its settings are read once here, and
   * the caller closes the round.
   */
  public SendingRound openRound() {
    CouncilSlug council =
        CouncilContext.current()
            .orElseThrow(() -> new IllegalStateException("No council is bound to this work"));
    return SendingRound.open(council, dataSource, courier.connect(), settings.current());
  }

  /** Sends the next due email of the round's council, if there is one. */
  public Outcome sendNextDue(SendingRound round) {
    Optional<DeliveryClaim> claimed =
        DeliveryClaim.next(round.database(), round.council(), clock.instant());
    if (claimed.isEmpty()) {
      return Outcome.NONE_DUE;
    }
    try (DeliveryClaim claim = claimed.get()) {
      EmailDelivery email = claim.email();
      long window;
      try {
        window = courier.send(email, round.settings(), round.smtp(), claim.sentAt(clock.instant()));
      } catch (RuntimeException e) {
        return recordFailure(claim, email, SendFailure.of(e));
      }
      completionWindow.record(window, TimeUnit.NANOSECONDS);
      return Outcome.SENT;
    }
  }

  private Outcome recordFailure(DeliveryClaim claim, EmailDelivery email, SendFailure failure) {
    Instant now = clock.instant();
    int attempt = email.attempts() + 1;
    if (failure.permanent()) {
      LOG.warn("Email {} ({}) refused for good: {}", email.id(), email.kind(), failure.reason());
      claim.markFailed(now, failure.reason());
      return Outcome.FAILED;
    }
    Optional<Instant> next = retries.nextAttempt(attempt, now);
    if (next.isEmpty()) {
      LOG.warn("Email {} ({}) given up after {} attempts", email.id(), email.kind(), attempt);
      claim.markFailed(now, "Gave up after " + attempt + " attempts: " + failure.reason());
      return Outcome.FAILED;
    }
    LOG.info(
        "Email {} not sent (attempt {}), retrying at {}: {}",
        email.id(),
        attempt,
        next.get(),
        failure.reason());
    claim.retryLater(now, next.get(), failure.reason());
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
