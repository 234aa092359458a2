package org.improvementhub.notifications.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The schedule's day is England's, and emails are queued from 7 a.m. UK time. */
class ScheduleDayTest {

  private static ScheduleDay at(String instant) {
    return new ScheduleDay(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), "07:00");
  }

  @Test
  void justAfterMidnightInSummerIsAlreadyTomorrowInEngland() {
    ScheduleDay day = at("2027-06-01T23:30:00Z");
    assertThat(day.today()).isEqualTo(LocalDate.of(2027, 6, 2));
    assertThat(day.sendingHours()).isFalse();
  }

  @Test
  void emailsAreQueuedFromSevenInTheMorningUkTime() {
    assertThat(at("2027-06-02T05:59:00Z").sendingHours()).isFalse();
    assertThat(at("2027-06-02T06:00:00Z").sendingHours()).isTrue();
    assertThat(at("2027-01-05T06:30:00Z").sendingHours()).isFalse();
    assertThat(at("2027-01-05T07:00:00Z").sendingHours()).isTrue();
  }
}
