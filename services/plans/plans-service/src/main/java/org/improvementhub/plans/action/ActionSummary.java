package org.improvementhub.plans.action;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A council's actions at a glance, on a day: how many stand at each RAG status, and the first of
 * the lists a programme manager and the Improvement Board look at first (Red and Amber, overdue,
 * due in the next 30 days), each with how many there are. Withdrawn actions are no longer pursued:
 * neither counted nor listed.
 *
 * <p>Why the service says it rather than each reader working it out from the whole list: the
 * overview is asked for on every visit, and reading and writing hundreds of actions for twenty rows
 * and six numbers was most of the portal's work and a large part of the plans service's (the
 * session 10 soak).
 *
 * @param total actions not withdrawn
 * @param statuses how many stand at each status, in the statuses' order
 * @param unreported how many have no status yet
 * @param exceptions Red then Amber, each in ref order
 * @param overdue open actions past their effective due date, the longest overdue first
 * @param dueSoon open actions due from today to 30 days on, the soonest first
 */
@Serdeable
public record ActionSummary(
    LocalDate on,
    int total,
    List<StatusCount> statuses,
    int unreported,
    FirstActions exceptions,
    FirstActions overdue,
    FirstActions dueSoon) {

  /** How many actions stand at {@code status}. */
  @Serdeable
  public record StatusCount(RagStatus status, int count) {}

  /** The first {@link #SHOWN} of a list, and how many the list holds. */
  @Serdeable
  public record FirstActions(int total, List<ActionView> first) {

    static FirstActions of(List<ActionView> all) {
      return new FirstActions(all.size(), List.copyOf(all.subList(0, Math.min(SHOWN, all.size()))));
    }
  }

  /** How many of each list the summary shows. */
  static final int SHOWN = 20;

  /** How far ahead "due soon" looks. */
  static final int DUE_SOON_DAYS = 30;

  /**
   * The summary of {@code actions} (every action of the council, in ref order) on {@code today}.
   */
  static ActionSummary of(List<ActionView> actions, LocalDate today) {
    List<ActionView> live = actions.stream().filter(a -> a.withdrawnOn() == null).toList();
    List<StatusCount> statuses =
        List.of(RagStatus.values()).stream()
            .map(s -> new StatusCount(s, count(live, a -> a.ragStatus() == s)))
            .toList();
    Comparator<ActionView> redFirst =
        Comparator.comparing(a -> a.ragStatus() == RagStatus.RED ? 0 : 1);
    Comparator<ActionView> byDue = Comparator.comparing(ActionSummary::due);
    List<ActionView> open = live.stream().filter(ActionSummary::open).toList();
    return new ActionSummary(
        today,
        live.size(),
        statuses,
        count(live, a -> a.ragStatus() == null),
        FirstActions.of(
            live.stream()
                .filter(a -> a.ragStatus() == RagStatus.RED || a.ragStatus() == RagStatus.AMBER)
                .sorted(redFirst)
                .toList()),
        FirstActions.of(open.stream().filter(a -> due(a).isBefore(today)).sorted(byDue).toList()),
        FirstActions.of(
            open.stream()
                .filter(
                    a -> !due(a).isBefore(today) && !due(a).isAfter(today.plusDays(DUE_SOON_DAYS)))
                .sorted(byDue)
                .toList()));
  }

  /** Neither complete nor withdrawn, with a date to be done by. */
  private static boolean open(ActionView action) {
    return action.withdrawnOn() == null
        && action.completedOn() == null
        && action.ragStatus() != RagStatus.BLUE
        && due(action) != null;
  }

  private static LocalDate due(ActionView action) {
    return action.effectiveDueDate() != null ? action.effectiveDueDate() : action.dueDate();
  }

  private static int count(List<ActionView> actions, Predicate<ActionView> which) {
    return (int) actions.stream().filter(which).count();
  }
}
