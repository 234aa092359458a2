package org.improvementhub.notifications.schedule;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.improvementhub.notifications.action.ActionChange;
import org.improvementhub.notifications.action.ActionChangeFollower;
import org.improvementhub.notifications.action.ActionLeads;
import org.improvementhub.notifications.action.TrackedAction;
import org.improvementhub.notifications.action.TrackedActionRepository;
import org.improvementhub.notifications.calendar.BankHolidays;
import org.improvementhub.notifications.calendar.WorkingDayCalendar;
import org.improvementhub.notifications.delivery.ActionEmails;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.delivery.NewEmail;
import org.improvementhub.notifications.schedule.ActionSchedule.ActionFacts;
import org.improvementhub.notifications.settings.CouncilSettings;
import org.improvementhub.notifications.settings.PersonPreferences;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues what the schedule calls for today, for one action when an event changed it (in the event's
 * transaction) and for every open action of the council in each scan. Drops what no longer applies
 * first: everything unsent when the action is completed, and what was about another due date when
 * the date moved.
 */
@Singleton
public class CouncilSchedule implements ActionChangeFollower {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilSchedule.class);

  private final TrackedActionRepository actions;
  private final ActionLeads leads;
  private final ActionEmails emails;
  private final ScheduledEmails scheduled;
  private final CouncilSettings settings;
  private final PersonPreferences preferences;
  private final BankHolidays holidays;
  private final ScheduleDay day;

  public CouncilSchedule(
      TrackedActionRepository actions,
      ActionLeads leads,
      ActionEmails emails,
      ScheduledEmails scheduled,
      CouncilSettings settings,
      PersonPreferences preferences,
      BankHolidays holidays,
      ScheduleDay day) {
    this.actions = actions;
    this.leads = leads;
    this.emails = emails;
    this.scheduled = scheduled;
    this.settings = settings;
    this.preferences = preferences;
    this.holidays = holidays;
    this.day = day;
  }

  @Override
  public void follow(ActionChange change) {
    TrackedAction action = change.after();
    if (action.closed()) {
      int dropped =
          action.completed()
              ? emails.actionCompleted(action.actionId())
              : emails.actionWithdrawn(action.actionId());
      if (dropped > 0) {
        LOG.info("{} unsent emails about closed action {} dropped", dropped, action.ref());
      }
      return;
    }
    if (change.dueDateMoved()) {
      emails.dueDateMoved(action.actionId(), action.dueDate());
    }
    if (!day.sendingHours()) {
      return; // the morning's scan queues it
    }
    ActionSchedule rules = new ActionSchedule(settings.current(), holidays.calendar());
    Optional<LocalDate> lastChase =
        emails.lastChase(action.actionId(), action.dueDate()).map(CouncilSchedule::ukDay);
    List<NewEmail> written = new ArrayList<>();
    for (Due email : due(action, lastChase, rules, day.today(), preferences.digestOnly())) {
      written.add(
          scheduled.write(
              change.council(), action, email.reachable(), email.notice(), day.today()));
    }
    scheduled.queueAll(change.council(), written);
  }

  /**
   * Queues what every open action of the council calls for today.
   *
   * @return how many emails were queued now
   */
  @Transactional
  public int scan(CouncilSlug council) {
    WorkingDayCalendar calendar = holidays.calendar();
    LocalDate today = day.today();
    if (!calendar.isWorkingDay(today) || !day.sendingHours()) {
      return 0;
    }
    ActionSchedule rules = new ActionSchedule(settings.current(), calendar);
    Set<String> digestOnly = preferences.digestOnly();
    // One query for every open action's last chase, rather than one per action.
    Map<UUID, Instant> lastChases = emails.lastChasesOfOpenActions();
    List<Due> due = new ArrayList<>();
    for (TrackedAction action : actions.findOpen()) {
      Optional<LocalDate> lastChase =
          Optional.ofNullable(lastChases.get(action.actionId())).map(CouncilSchedule::ukDay);
      due.addAll(due(action, lastChase, rules, today, digestOnly));
    }
    // Most of a day's emails are there after its first scan: only the others are written (a
    // rendering each) and then queued together, one statement for the council, not one each.
    Set<String> there =
        scheduled.alreadyThere(council, due.stream().map(Due::key).distinct().toList());
    List<NewEmail> written = new ArrayList<>();
    for (Due email : due) {
      if (!there.contains(email.key())) {
        written.add(
            scheduled.write(council, email.action(), email.reachable(), email.notice(), today));
      }
    }
    return scheduled.queueAll(council, written);
  }

  /** An email the schedule calls for, not written yet. */
  private record Due(TrackedAction action, List<PlanPerson> reachable, Notice notice) {
    String key() {
      return ScheduledEmails.keyOf(action, notice);
    }
  }

  /** The action's emails due today, except to those who chose the weekly digest only. */
  private List<Due> due(
      TrackedAction action,
      Optional<LocalDate> lastChase,
      ActionSchedule rules,
      LocalDate today,
      Set<String> digestOnly) {
    List<PlanPerson> people = leads.read(action);
    ActionFacts facts =
        new ActionFacts(
            action.dueDate(),
            action.closed(),
            people,
            action.programmeManagerName(),
            action.programmeManagerEmail());
    List<Due> due = new ArrayList<>();
    List<PlanPerson> reachable =
        people.stream().filter(p -> ActionSchedule.reachable(p.email())).toList();
    for (Notice notice : rules.due(today, facts, lastChase)) {
      boolean escalation = notice.kind() == EmailKind.ESCALATION;
      if (!escalation && digestOnly.contains(notice.recipient().toLowerCase(Locale.ROOT))) {
        continue;
      }
      due.add(new Due(action, reachable, notice));
    }
    return due;
  }

  private static LocalDate ukDay(Instant at) {
    return at.atZone(ScheduleDay.UK).toLocalDate();
  }
}
