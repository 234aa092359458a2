package org.improvementhub.notifications.schedule;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.improvementhub.councilschemas.CouncilSchemaRegistry;
import org.improvementhub.notifications.action.ActionLeads;
import org.improvementhub.notifications.action.TrackedAction;
import org.improvementhub.notifications.action.TrackedActionRepository;
import org.improvementhub.notifications.calendar.BankHolidays;
import org.improvementhub.notifications.calendar.WorkingDayCalendar;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.delivery.EmailQueue;
import org.improvementhub.notifications.delivery.NewEmail;
import org.improvementhub.notifications.settings.CouncilSettings;
import org.improvementhub.notifications.settings.NotificationSettings;
import org.improvementhub.notifications.settings.PersonPreferences;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * The weekly digest, on the first working day of each week, to each person who chose digests: the
 * actions they lead that are due soon or overdue, and those they manage that are overdue. One per
 * person and week (the key names the ISO week); nothing when there is nothing to list.
 */
@Singleton
public class WeeklyDigests {

  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final TrackedActionRepository actions;
  private final ActionLeads leads;
  private final PersonPreferences preferences;
  private final CouncilSettings settings;
  private final BankHolidays holidays;
  private final EmailQueue queue;
  private final org.improvementhub.notifications.template.EmailTemplates templates;
  private final CouncilSchemaRegistry councils;
  private final ScheduleDay day;
  private final String linkBase;

  public WeeklyDigests(
      TrackedActionRepository actions,
      ActionLeads leads,
      PersonPreferences preferences,
      CouncilSettings settings,
      BankHolidays holidays,
      EmailQueue queue,
      org.improvementhub.notifications.template.EmailTemplates templates,
      CouncilSchemaRegistry councils,
      ScheduleDay day,
      @Value("${hub.notifications.action-link-base:`http://localhost:8080`}") String linkBase) {
    this.actions = actions;
    this.leads = leads;
    this.preferences = preferences;
    this.settings = settings;
    this.holidays = holidays;
    this.queue = queue;
    this.templates = templates;
    this.councils = councils;
    this.day = day;
    this.linkBase = linkBase.replaceAll("/+$", "");
  }

  /**
   * Queues this week's digests if today is the week's first working day.
   *
   * @return how many were queued now
   */
  @Transactional
  public int queue(CouncilSlug council) {
    WorkingDayCalendar calendar = holidays.calendar();
    LocalDate today = day.today();
    LocalDate monday = today.with(DayOfWeek.MONDAY);
    if (!today.equals(calendar.nextWorkingDayFrom(monday)) || !day.sendingHours()) {
      return 0;
    }
    Set<String> digestOnly = preferences.digestOnly();
    if (digestOnly.isEmpty()) {
      return 0;
    }
    NotificationSettings rules = settings.current();
    List<TrackedAction> open = actions.findOpen();
    String week =
        today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    int queued = 0;
    for (String person : digestOnly) {
      List<Map<String, Object>> items = new ArrayList<>();
      String name = null;
      for (TrackedAction action : open) {
        long daysLeft = ChronoUnit.DAYS.between(today, action.dueDate());
        boolean overdue = daysLeft < 0;
        boolean dueSoon = !overdue && daysLeft <= rules.reminderDaysBefore();
        PlanPerson lead = leadNamed(action, person);
        boolean manages =
            action.programmeManagerEmail() != null
                && action.programmeManagerEmail().strip().equalsIgnoreCase(person);
        if ((lead != null && (overdue || dueSoon)) || (manages && overdue)) {
          items.add(item(council, action, daysLeft, manages && lead == null));
          if (name == null) {
            name = lead != null ? lead.name() : action.programmeManagerName();
          }
        }
      }
      if (!items.isEmpty() && queueDigest(council, person, name, week, today, items)) {
        queued++;
      }
    }
    return queued;
  }

  private PlanPerson leadNamed(TrackedAction action, String person) {
    return leads.read(action).stream()
        .filter(p -> p.email() != null && p.email().strip().equalsIgnoreCase(person))
        .findFirst()
        .orElse(null);
  }

  private Map<String, Object> item(
      CouncilSlug council, TrackedAction action, long daysLeft, boolean asManager) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("ref", action.ref());
    item.put("title", action.title());
    item.put("dueDate", UK_DATE.format(action.dueDate()));
    item.put(
        "state",
        daysLeft < 0
            ? days(-daysLeft) + " overdue"
            : daysLeft == 0 ? "due today" : "due in " + days(daysLeft));
    item.put("rag", RagStatus.describe(action.ragStatus()));
    item.put("note", action.lastNote());
    item.put("role", asManager ? "as programme manager" : "as lead");
    item.put("link", linkBase + "/councils/" + council.value() + "/actions/" + action.actionId());
    return item;
  }

  private boolean queueDigest(
      CouncilSlug council,
      String person,
      String name,
      String week,
      LocalDate today,
      List<Map<String, Object>> items) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("councilName", councils.nameOf(council).orElse(council.value()));
    values.put("recipientName", name == null || name.isBlank() ? "colleague" : name);
    values.put("weekOf", UK_DATE.format(today));
    values.put("items", items);
    values.put("count", items.size());
    return queue.queue(
        council,
        new NewEmail(
            EmailKind.DIGEST,
            "DIGEST/" + week + "/" + person,
            null,
            null,
            null,
            person,
            name,
            templates.render("digest", values)));
  }

  private static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
