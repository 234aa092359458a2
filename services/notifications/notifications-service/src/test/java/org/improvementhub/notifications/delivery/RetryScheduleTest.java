package org.improvementhub.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant FAILED_AT = Instant.parse("2030-04-10T09:00:00Z");
  private final RetrySchedule schedule =
      new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

  private Duration delayAfter(int attempt) {
    return Duration.between(FAILED_AT, schedule.nextAttempt(attempt, FAILED_AT).orElseThrow());
  }

  @Test
  void theDelayDoublesFromTheFirstDelay() {
    assertThat(delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void theDelayNeverExceedsTheMaximum() {
    assertThat(delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void afterTheLastAttemptThereIsNoNext() {
    assertThat(schedule.nextAttempt(6, FAILED_AT)).isEmpty();
    assertThat(schedule.nextAttempt(7, FAILED_AT)).isEmpty();
  }

  @Test
  void aScheduleThatCouldNeverWaitIsRefused() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
