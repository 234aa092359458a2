package org.improvementhub.messaging.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock every service reads "now" and "today" from. Tests replace it with a clock they move, so
 * that due dates and schedules are tested without waiting.
 */
@Factory
public class SystemClockFactory {

  @Singleton
  @Secondary
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
