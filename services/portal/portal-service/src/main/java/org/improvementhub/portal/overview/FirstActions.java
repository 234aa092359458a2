package org.improvementhub.portal.overview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.plan.ActionRow;

/**
 * The first of a list of actions the overview points to (Red and Amber, overdue, due soon): at a
 * glance the overview shows the first few, says how many there are and links to the plan page that
 * lists them all. A plan of hundreds of actions made an overview of hundreds of rows, which is no
 * longer a glance.
 *
 * @param rows the first {@link #SHOWN} (or fewer)
 * @param total how many there are
 */
public record FirstActions(List<ActionRow> rows, int total) {

  /** A list of the plans service's summary: {@code {"total": n, "first": [actions...]}}. */
  @SuppressWarnings("unchecked")
  static FirstActions of(Object list, LocalDate today) {
    if (!(list instanceof Map<?, ?> given)) {
      return new FirstActions(List.of(), 0);
    }
    List<ActionRow> rows =
        given.get("first") instanceof List<?> first
            ? first.stream()
                .filter(Map.class::isInstance)
                .map(action -> ActionRow.of((Map<String, Object>) action, today))
                .toList()
            : List.of();
    Object total = given.get("total");
    return new FirstActions(rows, total instanceof Number n ? n.intValue() : rows.size());
  }

  public boolean isEmpty() {
    return total == 0;
  }

  /** More than are shown: the page says so and links to the rest. */
  public boolean more() {
    return total > rows.size();
  }
}
