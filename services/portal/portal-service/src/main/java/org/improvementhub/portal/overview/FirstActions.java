package org.improvementhub.portal.overview;

import java.util.List;
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

  static final int SHOWN = 20;

  static FirstActions of(List<ActionRow> all) {
    return new FirstActions(List.copyOf(all.subList(0, Math.min(SHOWN, all.size()))), all.size());
  }

  public boolean isEmpty() {
    return total == 0;
  }

  /** More than are shown: the page says so and links to the rest. */
  public boolean more() {
    return total > rows.size();
  }
}
