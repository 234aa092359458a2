package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try an email again after a temporary failure: the delay doubles from {@code first-delay}
 * up to {@code max-delay}, and after {@code max-attempts} attempts the email is given up as failed.
 */
@Singleton
public class RetrySchedule {

  private final Duration firstDelay;
  private final Duration maxDelay;
  private final int maxAttempts;

  public RetrySchedule(
      @Value("${hub.notifications.retry.first-delay:30s}") Duration firstDelay,
      @Value("${hub.notifications.retry.max-delay:1h}") Duration maxDelay,
      @Value("${hub.notifications.retry.max-attempts:12}") int maxAttempts) {
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "hub.notifications.retry: first-delay must be positive and no more than max-delay");
    }
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  /**
   * When to try again after attempt number {@code attempt} (1 for the first) failed at {@code
   * failedAt}; empty if that was the last attempt allowed.
   */
  public Optional<Instant> nextAttempt(int attempt, Instant failedAt) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return Optional.of(failedAt.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}
