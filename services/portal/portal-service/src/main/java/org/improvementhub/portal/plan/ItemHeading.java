package org.improvementhub.portal.plan;

import java.util.Map;

/**
 * How a plan item names itself in a heading ("Outcome 1.2 Timely assessments") and beneath its
 * parents ("Priority 1 Safeguarding › Outcome 1.2 Timely assessments"): the plan page's headings
 * and the action form's places read the same.
 */
public final class ItemHeading {

  private ItemHeading() {}

  /** The item's own part: its level's name, ref and title. */
  public static String of(Map<?, ?> item) {
    return (item.get("level") == null ? "" : item.get("level") + " ")
        + item.get("ref")
        + " "
        + item.get("title");
  }

  /** {@code own} beneath {@code above} (empty for a top-level item). */
  public static String beneath(String above, String own) {
    return above.isEmpty() ? own : above + " › " + own;
  }
}
