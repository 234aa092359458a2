package org.improvementhub.portal.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.improvementhub.portal.page.RagStatus;

/**
 * One line of the proposed tree as the preview table shows it: an item (a heading row) or an action
 * under it, with the values the proposal read.
 */
public record ProposedRow(
    boolean item,
    String ref,
    String level,
    String title,
    String leads,
    String due,
    String rag,
    int depth) {

  /**
   * The items in document order, each followed by the actions under it; actions whose parent is not
   * an item come last, so none is hidden.
   */
  static List<ProposedRow> tree(
      List<Map<String, Object>> items, List<Map<String, Object>> actions) {
    List<ProposedRow> rows = new ArrayList<>();
    Set<Map<String, Object>> placed = new LinkedHashSet<>();
    for (Map<String, Object> item : items) {
      int level = number(item.get("level"));
      rows.add(
          new ProposedRow(
              true,
              text(item.get("ref")),
              text(item.get("levelName")),
              text(item.get("title")),
              text(item.get("owner")),
              "",
              "",
              Math.max(0, level - 1)));
      for (Map<String, Object> action : actions) {
        if (Objects.equals(text(action.get("parentRef")), text(item.get("ref")))
            && placed.add(action)) {
          rows.add(action(action, Math.max(1, level)));
        }
      }
    }
    for (Map<String, Object> action : actions) {
      if (!placed.contains(action)) {
        rows.add(action(action, 0));
      }
    }
    return rows;
  }

  private static ProposedRow action(Map<String, Object> action, int depth) {
    Object leads = action.get("leads");
    String leadNames =
        leads instanceof List<?> list && !list.isEmpty()
            ? String.join(", ", list.stream().map(String::valueOf).toList())
            : text(action.get("leadsText"));
    String due = text(action.get("due"));
    return new ProposedRow(
        false,
        text(action.get("ref")),
        "Action",
        text(action.get("title")),
        leadNames,
        due.isEmpty() ? text(action.get("timescaleText")) : due,
        text(action.get("rag")),
        depth);
  }

  /** The RAG as the portal's tags show it; null (shown "Not reported") when none was read. */
  public RagStatus status() {
    return RagStatus.of(rag.isEmpty() ? null : rag);
  }

  static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
