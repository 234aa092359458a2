package org.improvementhub.notifications.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.improvementhub.notifications.calendar.WorkingDayCalendar;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.schedule.ActionSchedule.ActionFacts;
import org.improvementhub.notifications.schedule.Notice.EscalationReason;
import org.improvementhub.notifications.settings.NotificationSettings;
import org.improvementhub.plans.events.PlanPerson;
import org.junit.jupiter.api.Test;

/** The schedule's rules with the default settings (7, weekly, 14) over Easter 2027. */
class ActionScheduleTest {

  private static final WorkingDayCalendar EASTER_2027 =
      new WorkingDayCalendar(Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29)));
  private static final PlanPerson LEAD = new PlanPerson("Sam Lead", "sam@walsall.example", null);
  private static final PlanPerson NO_ADDRESS = new PlanPerson("Jo Nobody", "not an address", null);

  private final ActionSchedule schedule =
      new ActionSchedule(NotificationSettings.defaults(), EASTER_2027);

  private static ActionFacts dueOn(LocalDate due, PlanPerson... leads) {
    return new ActionFacts(due, false, List.of(leads), "Pat Manager", "pat@walsall.example");
  }

  private List<EmailKind> kinds(LocalDate today, ActionFacts action, LocalDate lastChase) {
    return schedule.due(today, action, Optional.ofNullable(lastChase)).stream()
        .map(Notice::kind)
        .toList();
  }

  @Test
  void aReminderWhoseDayIsABankHolidayGoesTheWorkingDayBefore() {
    // Due Monday 5 April: 7 days before is Easter Monday, and the Friday before is Good Friday.
    LocalDate due = LocalDate.of(2027, 4, 5);
    assertThat(schedule.reminderDay(due)).isEqualTo(LocalDate.of(2027, 3, 25));
    assertThat(kinds(LocalDate.of(2027, 3, 24), dueOn(due, LEAD), null)).isEmpty();
    assertThat(kinds(LocalDate.of(2027, 3, 25), dueOn(due, LEAD), null))
        .containsExactly(EmailKind.REMINDER);
  }

  @Test
  void nothingIsSentAtTheWeekend() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    assertThat(kinds(LocalDate.of(2027, 4, 10), dueOn(due, LEAD), null)).isEmpty();
    assertThat(kinds(LocalDate.of(2027, 4, 11), dueOn(due, LEAD), null)).isEmpty();
  }

  @Test
  void anActionDueOnAFridayIsOverdueOnMonday() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    assertThat(schedule.overdueDay(due)).isEqualTo(LocalDate.of(2027, 4, 12));
    assertThat(kinds(LocalDate.of(2027, 4, 9), dueOn(due, LEAD), null)).isEmpty();
    assertThat(kinds(LocalDate.of(2027, 4, 12), dueOn(due, LEAD), null))
        .containsExactly(EmailKind.OVERDUE);
  }

  @Test
  void theOverdueEmailIsRepeatedAWeekAfterTheLast() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    LocalDate overdueSent = LocalDate.of(2027, 4, 12);
    assertThat(kinds(LocalDate.of(2027, 4, 16), dueOn(due, LEAD), overdueSent)).isEmpty();
    List<Notice> repeat =
        schedule.due(LocalDate.of(2027, 4, 19), dueOn(due, LEAD), Optional.of(overdueSent));
    assertThat(repeat)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(EmailKind.OVERDUE_REPEAT);
              assertThat(n.period()).isEqualTo(1);
            });
  }

  @Test
  void theProgrammeManagerIsToldWhenStillOverdueAfter14Days() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    LocalDate repeated = LocalDate.of(2027, 4, 19);
    assertThat(kinds(LocalDate.of(2027, 4, 22), dueOn(due, LEAD), repeated)).isEmpty();
    List<Notice> notices =
        schedule.due(LocalDate.of(2027, 4, 23), dueOn(due, LEAD), Optional.of(repeated));
    assertThat(notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(EmailKind.ESCALATION);
              assertThat(n.recipient()).isEqualTo("pat@walsall.example");
              assertThat(n.reason()).isEqualTo(EscalationReason.STILL_OVERDUE);
            });
  }

  @Test
  void theEscalationIsRepeatedWeeklyWhileStillOverdueEachOnce() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    LocalDate repeated = LocalDate.of(2027, 4, 19);
    assertThat(escalationPeriod(schedule, LocalDate.of(2027, 4, 23), due, repeated)).isEqualTo(0);
    assertThat(escalationPeriod(schedule, LocalDate.of(2027, 4, 29), due, repeated)).isEqualTo(0);
    assertThat(escalationPeriod(schedule, LocalDate.of(2027, 4, 30), due, repeated)).isEqualTo(1);
    // Still the first repeat until 28 days; a scan on any day in between queues nothing new.
    assertThat(escalationPeriod(schedule, LocalDate.of(2027, 5, 4), due, repeated)).isEqualTo(1);
    assertThat(escalationPeriod(schedule, LocalDate.of(2027, 5, 7), due, repeated)).isEqualTo(2);

    NotificationSettings noRepeats =
        new NotificationSettings(true, true, false, true, 7, 7, 14, null, null);
    ActionSchedule once = new ActionSchedule(noRepeats, EASTER_2027);
    assertThat(escalationPeriod(once, LocalDate.of(2027, 5, 7), due, repeated)).isEqualTo(0);
  }

  private static int escalationPeriod(
      ActionSchedule rules, LocalDate today, LocalDate due, LocalDate lastChase) {
    return rules.due(today, dueOn(due, LEAD), Optional.of(lastChase)).stream()
        .filter(n -> n.kind() == EmailKind.ESCALATION)
        .findFirst()
        .orElseThrow()
        .period();
  }

  @Test
  void anActionWithNoReachableLeadEscalatesWhenItFallsOverdue() {
    LocalDate due = LocalDate.of(2027, 4, 9);
    assertThat(kinds(LocalDate.of(2027, 4, 1), dueOn(due, NO_ADDRESS), null)).isEmpty();
    List<Notice> notices =
        schedule.due(LocalDate.of(2027, 4, 12), dueOn(due, NO_ADDRESS), Optional.empty());
    assertThat(notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(EmailKind.ESCALATION);
              assertThat(n.reason()).isEqualTo(EscalationReason.NO_REACHABLE_LEAD);
            });
  }

  @Test
  void aCompletedActionCallsForNothing() {
    ActionFacts done = new ActionFacts(LocalDate.of(2027, 4, 9), true, List.of(LEAD), null, null);
    assertThat(kinds(LocalDate.of(2027, 4, 1), done, null)).isEmpty();
    assertThat(kinds(LocalDate.of(2027, 4, 12), done, null)).isEmpty();
  }

  @Test
  void eachReachableLeadGetsTheirOwn() {
    PlanPerson second = new PlanPerson("Kim", "kim@walsall.example", "co-lead");
    assertThat(
            schedule.due(
                LocalDate.of(2027, 4, 12),
                dueOn(LocalDate.of(2027, 4, 9), LEAD, second, NO_ADDRESS),
                Optional.empty()))
        .extracting(Notice::recipient)
        .containsExactly("sam@walsall.example", "kim@walsall.example");
  }

  @Test
  void kindsSwitchedOffAreNotSent() {
    ActionSchedule quiet =
        new ActionSchedule(
            new NotificationSettings(false, false, true, true, 7, 7, 14, null, null), EASTER_2027);
    LocalDate due = LocalDate.of(2027, 4, 9);
    assertThat(quiet.due(LocalDate.of(2027, 4, 2), dueOn(due, LEAD), Optional.empty())).isEmpty();
    assertThat(quiet.due(LocalDate.of(2027, 4, 12), dueOn(due, LEAD), Optional.empty())).isEmpty();
  }
}
