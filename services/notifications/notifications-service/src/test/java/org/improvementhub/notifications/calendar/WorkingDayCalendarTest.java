package org.improvementhub.notifications.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working days in England and Wales, with Easter and Christmas 2027 as bank holidays. */
class WorkingDayCalendarTest {

  private static final LocalDate GOOD_FRIDAY = LocalDate.of(2027, 3, 26);
  private static final LocalDate EASTER_MONDAY = LocalDate.of(2027, 3, 29);
  private static final LocalDate CHRISTMAS_SUBSTITUTE = LocalDate.of(2027, 12, 27);
  private static final LocalDate BOXING_DAY_SUBSTITUTE = LocalDate.of(2027, 12, 28);

  private final WorkingDayCalendar calendar =
      new WorkingDayCalendar(
          Set.of(GOOD_FRIDAY, EASTER_MONDAY, CHRISTMAS_SUBSTITUTE, BOXING_DAY_SUBSTITUTE));

  @Test
  void weekdaysAreWorkingDaysAndWeekendsAreNot() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 7))).isTrue(); // Wednesday
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 10))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 4, 11))).isFalse(); // Sunday
  }

  @Test
  void bankHolidaysAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(GOOD_FRIDAY)).isFalse();
    assertThat(calendar.isWorkingDay(EASTER_MONDAY)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 3, 25))).isTrue();
  }

  @Test
  void theFirstWorkingDayAfterAFridayIsTheMonday() {
    assertThat(calendar.firstWorkingDayAfter(LocalDate.of(2027, 4, 9)))
        .isEqualTo(LocalDate.of(2027, 4, 12));
  }

  @Test
  void theFirstWorkingDayAfterIsNeverTheDayItself() {
    assertThat(calendar.firstWorkingDayAfter(LocalDate.of(2027, 4, 7)))
        .isEqualTo(LocalDate.of(2027, 4, 8));
  }

  @Test
  void easterIsSkippedFromThursdayToTuesday() {
    assertThat(calendar.firstWorkingDayAfter(LocalDate.of(2027, 3, 25)))
        .isEqualTo(LocalDate.of(2027, 3, 30));
  }

  @Test
  void christmasSubstituteDaysAreSkipped() {
    assertThat(calendar.firstWorkingDayAfter(LocalDate.of(2027, 12, 24)))
        .isEqualTo(LocalDate.of(2027, 12, 29));
  }

  @Test
  void theLastWorkingDayOnOrBeforeGoesBackOverEaster() {
    assertThat(calendar.lastWorkingDayOnOrBefore(EASTER_MONDAY))
        .isEqualTo(LocalDate.of(2027, 3, 25));
    assertThat(calendar.lastWorkingDayOnOrBefore(LocalDate.of(2027, 3, 25)))
        .isEqualTo(LocalDate.of(2027, 3, 25));
  }

  @Test
  void theNextWorkingDayFromASundayIsMonday() {
    assertThat(calendar.nextWorkingDayFrom(LocalDate.of(2027, 4, 11)))
        .isEqualTo(LocalDate.of(2027, 4, 12));
  }

  @Test
  void theEveryDayCalendarOfALocalStackHasNoWeekend() {
    WorkingDayCalendar everyDay = WorkingDayCalendar.everyDay();
    assertThat(everyDay.isWorkingDay(LocalDate.of(2027, 4, 10))).isTrue();
    assertThat(everyDay.firstWorkingDayAfter(LocalDate.of(2027, 4, 9)))
        .isEqualTo(LocalDate.of(2027, 4, 10));
  }
}
