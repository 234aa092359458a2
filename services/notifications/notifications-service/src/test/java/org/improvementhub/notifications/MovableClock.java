package org.improvementhub.notifications;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A stopped clock a test moves forward day by day ({@code hub.test.movable-clock}: the first
 * instant). Moved to 10 a.m. UK time of the day asked for.
 */
@Singleton
@Requires(property = "hub.test.movable-clock")
public class MovableClock extends Clock {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private volatile Instant now;

  public MovableClock(@Value("${hub.test.movable-clock}") String start) {
    this.now = Instant.parse(start);
  }

  /** Moves to 10 a.m. UK time on {@code day}; never backwards. */
  public void moveTo(LocalDate day) {
    Instant target = day.atTime(10, 0).atZone(UK).toInstant();
    if (target.isBefore(now)) {
      throw new IllegalArgumentException("The clock only moves forward: " + day);
    }
    now = target;
  }

  /** The day it is in the UK. */
  public LocalDate today() {
    return LocalDate.ofInstant(now, UK);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
