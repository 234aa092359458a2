package org.improvementhub.notifications.overdue;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.improvementhub.councilschemas.CouncilSchemaRegistry;
import org.improvementhub.notifications.delivery.EmailKind;
import org.improvementhub.notifications.delivery.EmailQueue;
import org.improvementhub.notifications.delivery.NewEmail;
import org.improvementhub.notifications.template.EmailTemplates;
import org.improvementhub.plans.events.ActionFellOverdue;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Writes the overdue email for an action and queues it, keyed by action and due date: a second
 * event about the same action and due date (a redelivery, or a scan run again) queues nothing.
 */
@Singleton
public class OverdueEmails {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final DateTimeFormatter UK_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final EmailTemplates templates;
  private final EmailQueue queue;
  private final CouncilSchemaRegistry councils;
  private final Clock clock;

  public OverdueEmails(
      EmailTemplates templates, EmailQueue queue, CouncilSchemaRegistry councils, Clock clock) {
    this.templates = templates;
    this.queue = queue;
    this.councils = councils;
    this.clock = clock;
  }

  /** Whether the event says enough to write the email: which action, when due, and to whom. */
  static boolean canBeSent(ActionFellOverdue overdue) {
    return overdue.actionId() != null
        && overdue.dueDate() != null
        && overdue.leadEmail() != null
        && !overdue.leadEmail().isBlank();
  }

  /**
   * Queues the email in the council's schema, in the caller's transaction.
   *
   * @return whether it was queued now (false if this action and due date already had one)
   */
  public boolean queue(CouncilSlug council, ActionFellOverdue overdue) {
    LocalDate today = LocalDate.now(clock.withZone(UK));
    long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(overdue.dueDate(), today));
    Map<String, Object> values =
        Map.of(
            "councilName", councils.nameOf(council).orElse(council.value()),
            "ref", Objects.requireNonNullElse(overdue.ref(), ""),
            "title", Objects.requireNonNullElse(overdue.title(), ""),
            "leadName", Objects.requireNonNullElse(overdue.leadName(), "colleague"),
            "dueDate", UK_DATE.format(overdue.dueDate()),
            "daysOverdue", daysOverdue,
            "daysOverdueText", daysOverdue == 1 ? "1 day" : daysOverdue + " days",
            "rag", RagStatus.describe(overdue.ragStatus()));
    return queue.queue(
        council,
        new NewEmail(
            EmailKind.OVERDUE,
            NewEmail.actionKey(EmailKind.OVERDUE, overdue.actionId(), overdue.dueDate()),
            overdue.actionId(),
            overdue.ref(),
            overdue.dueDate(),
            overdue.leadEmail().strip(),
            overdue.leadName(),
            templates.render("overdue", values)));
  }
}
