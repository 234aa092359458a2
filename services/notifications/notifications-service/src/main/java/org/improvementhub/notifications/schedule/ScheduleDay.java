package org.improvementhub.notifications.schedule;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What day it is in England, and whether the schedule may queue emails yet today: not before {@code
 * hub.notifications.schedule.send-from} (UK time), so that a working day's emails arrive in the
 * morning rather than just after midnight.
 */
@Singleton
public class ScheduleDay {

  static final ZoneId UK = ZoneId.of("Europe/London");

  private final Clock clock;
  private final LocalTime sendFrom;

  public ScheduleDay(
      Clock clock, @Value("${hub.notifications.schedule.send-from:07:00}") String sendFrom) {
    this.clock = clock;
    this.sendFrom = LocalTime.parse(sendFrom);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }

  public boolean sendingHours() {
    return !LocalTime.now(clock.withZone(UK)).isBefore(sendFrom);
  }
}
