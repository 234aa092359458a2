package org.improvementhub.notifications.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.improvementhub.notifications.calendar.WorkingDayCalendar;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.schedule.Notice.EscalationReason;
import org.improvementhub.notifications.settings.NotificationSettings;
import org.improvementhub.plans.events.PlanPerson;

/**
 * The rules of the schedule, pure: given an action, today and the council's settings, which emails
 * are due. Emails go on working days only; a day missed (the service down) is caught up on the next
 * working day, since every email's key says which one it is.
 */
public final class ActionSchedule {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final NotificationSettings settings;
  private final WorkingDayCalendar calendar;

  public ActionSchedule(NotificationSettings settings, WorkingDayCalendar calendar) {
    this.settings = settings;
    this.calendar = calendar;
  }

  /** Whether an address can be emailed at all. */
  public static boolean reachable(String email) {
    return email != null && EMAIL.matcher(email.strip()).matches();
  }

  /** The day the reminder for {@code dueDate} goes: a working day, N days before or earlier. */
  public LocalDate reminderDay(LocalDate dueDate) {
    return calendar.lastWorkingDayOnOrBefore(dueDate.minusDays(settings.reminderDaysBefore()));
  }

  /** The day the overdue email goes: the first working day after the due date. */
  public LocalDate overdueDay(LocalDate dueDate) {
    return calendar.firstWorkingDayAfter(dueDate);
  }

  /**
   * The emails due today about one open action.
   *
   * @param lastChase the day the last overdue email (first or repeat) for this due date was queued
   */
  public List<Notice> due(LocalDate today, ActionFacts action, Optional<LocalDate> lastChase) {
    if (action.completed() || !calendar.isWorkingDay(today)) {
      return List.of();
    }
    List<PlanPerson> leads = action.leads().stream().filter(p -> reachable(p.email())).toList();
    LocalDate due = action.dueDate();
    List<Notice> notices = new ArrayList<>();
    if (today.isBefore(due)) {
      if (settings.remindersEnabled() && !today.isBefore(reminderDay(due))) {
        leads.forEach(lead -> notices.add(toLead(EmailKind.REMINDER, 0, lead)));
      }
      return notices;
    }
    LocalDate overdueDay = overdueDay(due);
    if (today.isBefore(overdueDay)) {
      return notices;
    }
    if (leads.isEmpty()) {
      escalation(action, EscalationReason.NO_REACHABLE_LEAD, 0).ifPresent(notices::add);
      return notices;
    }
    if (lastChase.isEmpty()) {
      if (settings.overdueEnabled()) {
        leads.forEach(lead -> notices.add(toLead(EmailKind.OVERDUE, 0, lead)));
      }
    } else if (settings.repeatsEnabled()
        && !today.isBefore(lastChase.get().plusDays(settings.repeatEveryDays()))) {
      int period =
          (int)
              Math.max(1, ChronoUnit.DAYS.between(overdueDay, today) / settings.repeatEveryDays());
      leads.forEach(lead -> notices.add(toLead(EmailKind.OVERDUE_REPEAT, period, lead)));
    }
    long overdueFor = ChronoUnit.DAYS.between(due, today);
    if (overdueFor >= settings.escalateAfterDays()) {
      // Repeated every repeatEveryDays while the action stays overdue (if repeats are on): the
      // n-th escalation has period n, so each is queued once, and a missed day is caught up.
      int period =
          settings.repeatsEnabled()
              ? (int) ((overdueFor - settings.escalateAfterDays()) / settings.repeatEveryDays())
              : 0;
      escalation(action, EscalationReason.STILL_OVERDUE, period).ifPresent(notices::add);
    }
    return notices;
  }

  private Optional<Notice> escalation(ActionFacts action, EscalationReason reason, int period) {
    if (!settings.escalationsEnabled() || !reachable(action.programmeManagerEmail())) {
      return Optional.empty();
    }
    return Optional.of(
        new Notice(
            EmailKind.ESCALATION,
            period,
            action.programmeManagerEmail().strip(),
            action.programmeManagerName(),
            reason));
  }

  private static Notice toLead(EmailKind kind, int period, PlanPerson lead) {
    return new Notice(kind, period, lead.email().strip(), lead.name(), null);
  }

  /** What the rules need to know of an action. */
  public record ActionFacts(
      LocalDate dueDate,
      boolean completed,
      List<PlanPerson> leads,
      String programmeManagerName,
      String programmeManagerEmail) {}
}
