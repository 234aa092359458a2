package org.improvementhub.portal;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The portal's clock: UK time, because "overdue" and "this period" are English council days. */
@Factory
public class PortalClock {

  public static final ZoneId UK = ZoneId.of("Europe/London");

  @Singleton
  @Secondary
  Clock clock() {
    return Clock.system(UK);
  }
}
