package org.improvementhub.notifications;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.improvementhub.notifications.ActionEvents.Action;
import org.improvementhub.notifications.ActionEvents.Person;
import org.improvementhub.notifications.delivery.EmailKind;

/**
 * One email of every kind, all due on the same Monday, each to a person of its own: a reminder (due
 * Thursday), an overdue email (due the Friday before), a repeat (overdue since the Friday before
 * last, first chased a week ago), an escalation (an action with no lead to email) and a weekly
 * digest (to a person who chose digests, leading an action due Wednesday). Fault tests run this
 * situation through a fault and check that each arrives once, with the right content.
 */
final class EveryKindOfEmail {

  /** An email the situation calls for, and what identifies it in the recipient's mailbox. */
  record Expected(EmailKind kind, Person recipient, String subject, List<String> body) {}

  private final Person chasedLead;
  private final Person remindedLead;
  private final Person overdueLead;
  private final Person manager;
  private final Person digestReader;
  private final Action chased;
  private final Action reminded;
  private final Action overdue;
  private final Action leaderless;
  private final Action digested;

  /**
   * @param set a number naming this set of people (action refs start with it)
   * @param mailbox how the people's mailboxes start ({@link RefusingMailServer#UNKNOWN_MAILBOX} for
   *     addresses the mail server refuses)
   */
  EveryKindOfEmail(String council, LocalDate monday, int set, String mailbox) {
    chasedLead = person("Cy Lead", mailbox + "-cy");
    remindedLead = person("Ria Lead", mailbox + "-ria");
    overdueLead = person("Olu Lead", mailbox + "-olu");
    manager = person("Pat Manager", mailbox + "-pat");
    digestReader = person("Dee Lead", mailbox + "-dee");
    chased = Action.of(council, set + ".1", monday.minusDays(10), null, chasedLead);
    reminded = Action.of(council, set + ".2", monday.plusDays(3), null, remindedLead);
    overdue = Action.of(council, set + ".3", monday.minusDays(3), null, overdueLead);
    leaderless =
        Action.of(
            council, set + ".4", monday.minusDays(3), manager, new Person("Nobody", "not known"));
    digested = Action.of(council, set + ".5", monday.plusDays(2), null, digestReader);
  }

  private static Person person(String name, String mailbox) {
    return new Person(name, OverdueEvents.uniqueAddress(mailbox));
  }

  /** The person who must have chosen the weekly digest before {@link #onTheDay()}. */
  Person digestReader() {
    return digestReader;
  }

  /** A week before the Monday: the chased action is created, overdue, and chased at once. */
  void weekBefore() {
    chased.created();
  }

  /**
   * On the Monday: the other actions are created, each event delivered twice. The leaderless
   * action's comes last: once its escalation is in the log, the others have been applied.
   */
  void onTheDay() {
    for (Action action : List.of(digested, reminded, overdue, leaderless)) {
      UUID eventId = UUID.randomUUID();
      action.created(eventId);
      action.created(eventId);
    }
  }

  /** Completes every action, so later days ask for nothing more about them. */
  void completeAll(LocalDate on) {
    for (Action action : List.of(chased, reminded, overdue, leaderless, digested)) {
      action.completedOn(on).completed();
    }
  }

  /** The Monday's emails: one of each kind. */
  List<Expected> onTheDaysEmails() {
    return List.of(
        new Expected(
            EmailKind.REMINDER,
            remindedLead,
            "Due soon: action " + reminded.ref() + " — " + reminded.title(),
            List.of("Ria Lead", "3 days", "Amber")),
        new Expected(
            EmailKind.OVERDUE,
            overdueLead,
            "Overdue: action " + overdue.ref() + " — " + overdue.title(),
            List.of("Olu Lead", "3 days", "Amber")),
        new Expected(
            EmailKind.OVERDUE_REPEAT,
            chasedLead,
            "Still overdue: action " + chased.ref() + " — " + chased.title(),
            List.of("Cy Lead", "10 days")),
        new Expected(
            EmailKind.ESCALATION,
            manager,
            "Escalation: action " + leaderless.ref() + " — " + leaderless.title() + " is overdue",
            List.of("Pat Manager", "no lead with an email address")),
        new Expected(
            EmailKind.DIGEST,
            digestReader,
            "Your actions this week: 1 due soon or overdue",
            List.of("Dee Lead", digested.ref(), digested.title(), "due in 2 days")));
  }

  /** How many emails each person has after the Monday: the chased lead also had the first one. */
  int mailOf(Expected email) {
    return email.kind() == EmailKind.OVERDUE_REPEAT ? 2 : 1;
  }
}
