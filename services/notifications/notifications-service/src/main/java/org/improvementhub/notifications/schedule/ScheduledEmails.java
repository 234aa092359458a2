package org.improvementhub.notifications.schedule;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.improvementhub.councilschemas.CouncilSchemaRegistry;
import org.improvementhub.notifications.action.TrackedAction;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.delivery.EmailQueue;
import org.improvementhub.notifications.delivery.NewEmail;
import org.improvementhub.notifications.template.EmailTemplates;
import org.improvementhub.plans.events.PlanPerson;
import org.improvementhub.tenancy.context.CouncilSlug;

/** Writes the email a notice calls for and queues it under its idempotency key. */
@Singleton
public class ScheduledEmails {

  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private final EmailTemplates templates;
  private final EmailQueue queue;
  private final CouncilSchemaRegistry councils;
  private final String actionLinkBase;

  public ScheduledEmails(
      EmailTemplates templates,
      EmailQueue queue,
      CouncilSchemaRegistry councils,
      @Value("${hub.notifications.action-link-base:`http://localhost:8080`}")
          String actionLinkBase) {
    this.templates = templates;
    this.queue = queue;
    this.councils = councils;
    this.actionLinkBase = actionLinkBase.replaceAll("/+$", "");
  }

  /**
   * Queues the email, in the caller's transaction.
   *
   * @return whether it was queued now (false if its key was there already)
   */
  public boolean queue(
      CouncilSlug council,
      TrackedAction action,
      List<PlanPerson> leads,
      Notice notice,
      LocalDate today) {
    return queue.queue(council, write(council, action, leads, notice, today));
  }

  /**
   * Queues emails {@link #write} wrote, in the caller's transaction.
   *
   * @return how many were queued now (not those whose key was there already)
   */
  public int queueAll(CouncilSlug council, List<NewEmail> emails) {
    return queue.queueAll(council, emails);
  }

  /** Of the keys, those whose email is already queued, sent or failed (not cancelled). */
  public java.util.Set<String> alreadyThere(CouncilSlug council, List<String> keys) {
    return queue.alreadyThere(council, keys);
  }

  /** The idempotency key of the email {@code notice} calls for about {@code action}. */
  public static String keyOf(TrackedAction action, Notice notice) {
    return NewEmail.actionKey(
        notice.kind(), action.actionId(), action.dueDate(), notice.period(), notice.recipient());
  }

  /** Writes the email a notice calls for, to be queued. */
  public NewEmail write(
      CouncilSlug council,
      TrackedAction action,
      List<PlanPerson> leads,
      Notice notice,
      LocalDate today) {
    long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(action.dueDate(), today));
    long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, action.dueDate()));
    Map<String, Object> values = new HashMap<>();
    values.put("councilName", councils.nameOf(council).orElse(council.value()));
    values.put("ref", action.ref());
    values.put("title", action.title());
    values.put("recipientName", Objects.requireNonNullElse(notice.recipientName(), "colleague"));
    values.put("leadName", Objects.requireNonNullElse(notice.recipientName(), "colleague"));
    values.put(
        "leadNames",
        leads.isEmpty()
            ? "No lead with an email address"
            : leads.stream().map(ScheduledEmails::describe).collect(Collectors.joining(", ")));
    values.put("dueDate", UK_DATE.format(action.dueDate()));
    values.put("daysOverdue", daysOverdue);
    values.put("daysOverdueText", days(daysOverdue));
    values.put("daysLeftText", days(daysLeft));
    values.put("rag", RagStatus.describe(action.ragStatus()));
    values.put("note", action.lastNote());
    values.put("notePeriod", action.lastNotePeriod());
    values.put("noLead", notice.reason() == Notice.EscalationReason.NO_REACHABLE_LEAD);
    values.put(
        "link", actionLinkBase + "/councils/" + council.value() + "/actions/" + action.actionId());
    return new NewEmail(
        notice.kind(),
        keyOf(action, notice),
        action.actionId(),
        action.ref(),
        action.dueDate(),
        notice.recipient(),
        notice.recipientName(),
        templates.render(templateOf(notice.kind()), values));
  }

  private static String templateOf(EmailKind kind) {
    return switch (kind) {
      case REMINDER -> "reminder";
      case OVERDUE -> "overdue";
      case OVERDUE_REPEAT -> "overdue-repeat";
      case ESCALATION -> "escalation";
      case DIGEST -> "digest";
    };
  }

  private static String describe(PlanPerson lead) {
    return lead.name() == null || lead.name().isBlank()
        ? lead.email()
        : lead.name() + " (" + lead.email() + ")";
  }

  private static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
