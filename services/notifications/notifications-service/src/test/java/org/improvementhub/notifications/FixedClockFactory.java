package org.improvementhub.notifications;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Stops the service's clock at {@code hub.test.fixed-clock} (an ISO instant), for tests that assert
 * on "today"; replaces the platform's system clock, which gives way to any other clock bean.
 */
@Factory
@Requires(property = "hub.test.fixed-clock")
public class FixedClockFactory {

  @Singleton
  Clock fixedClock(@Value("${hub.test.fixed-clock}") String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
