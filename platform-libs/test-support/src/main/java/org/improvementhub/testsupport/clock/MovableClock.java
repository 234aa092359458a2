package org.improvementhub.testsupport.clock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves forward day by day ({@code hub.test.movable-clock}: the first instant).
 * Moved to 10 a.m. UK time of the day asked for, or to a given time. Stopped between moves, unless
 * {@code hub.test.movable-clock-ticks} is true: then real time passes from each move on, so that
 * retries with back-off come due.
 */
@Singleton
@Requires(property = "hub.test.movable-clock")
public class MovableClock extends Clock {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private final boolean ticks;
  private volatile Move last;

  /** Where the clock was moved to, and when (in the JVM's nano time) that happened. */
  private record Move(Instant to, long atNanos) {}

  public MovableClock(
      @Value("${hub.test.movable-clock}") String start,
      @Value("${hub.test.movable-clock-ticks:false}") boolean ticks) {
    this.last = new Move(Instant.parse(start), System.nanoTime());
    this.ticks = ticks;
  }

  /** Moves to 10 a.m. UK time on {@code day}; never backwards. */
  public void moveTo(LocalDate day) {
    moveTo(day, LocalTime.of(10, 0));
  }

  /** Moves to {@code time} UK time on {@code day}; never backwards. */
  public synchronized void moveTo(LocalDate day, LocalTime time) {
    Instant target = day.atTime(time).atZone(UK).toInstant();
    if (target.isBefore(instant())) {
      throw new IllegalArgumentException("The clock only moves forward: " + day + " " + time);
    }
    last = new Move(target, System.nanoTime());
  }

  /** The day it is in the UK. */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), UK);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Move move = last;
    return ticks ? move.to().plusNanos(System.nanoTime() - move.atNanos()) : move.to();
  }
}
