package org.improvementhub.notifications;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test clocks, replacing the platform's system clock (which gives way to any other clock bean):
 * {@code hub.test.fixed-clock} (an ISO instant) stops it; {@code hub.test.clock-offset} (an ISO
 * duration) moves a ticking clock, so that "today" is a chosen day while retries still come due.
 */
@Factory
public class FixedClockFactory {

  @Singleton
  @Requires(property = "hub.test.fixed-clock")
  Clock fixedClock(@Value("${hub.test.fixed-clock}") String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Singleton
  @Requires(property = "hub.test.clock-offset")
  Clock offsetClock(@Value("${hub.test.clock-offset}") String offset) {
    return Clock.offset(Clock.systemUTC(), Duration.parse(offset));
  }

  /** The offset that makes a ticking clock read {@code instant} now. */
  public static String offsetTo(String instant) {
    return Duration.between(Instant.now(), Instant.parse(instant)).toString();
  }
}
