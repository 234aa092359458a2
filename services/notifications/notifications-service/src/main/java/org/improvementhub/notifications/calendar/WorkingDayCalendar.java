package org.improvementhub.notifications.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are working days: Monday to Friday, except bank holidays. Pure: the bank holidays are
 * given, so the rules are tested without a database.
 */
public final class WorkingDayCalendar {

  /** No loop should walk further than this looking for a working day: a year of holidays is not. */
  private static final int LONGEST_BREAK = 366;

  private final Set<LocalDate> bankHolidays;
  private final boolean everyDay;

  public WorkingDayCalendar(Set<LocalDate> bankHolidays) {
    this(bankHolidays, false);
  }

  private WorkingDayCalendar(Set<LocalDate> bankHolidays, boolean everyDay) {
    this.bankHolidays = Set.copyOf(bankHolidays);
    this.everyDay = everyDay;
  }

  /**
   * A calendar in which every day is a working day: for a local stack or a bench run at a weekend,
   * where an email must not wait for Monday. Never for councils.
   */
  public static WorkingDayCalendar everyDay() {
    return new WorkingDayCalendar(Set.of(), true);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (everyDay) {
      return true;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !bankHolidays.contains(day);
  }

  /** The first working day strictly after {@code day}. */
  public LocalDate firstWorkingDayAfter(LocalDate day) {
    return nextWorkingDayFrom(day.plusDays(1));
  }

  /** {@code day} if it is a working day, else the first working day after it. */
  public LocalDate nextWorkingDayFrom(LocalDate day) {
    LocalDate candidate = day;
    for (int i = 0; i < LONGEST_BREAK && !isWorkingDay(candidate); i++) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  /** {@code day} if it is a working day, else the last working day before it. */
  public LocalDate lastWorkingDayOnOrBefore(LocalDate day) {
    LocalDate candidate = day;
    for (int i = 0; i < LONGEST_BREAK && !isWorkingDay(candidate); i++) {
      candidate = candidate.minusDays(1);
    }
    return candidate;
  }
}
