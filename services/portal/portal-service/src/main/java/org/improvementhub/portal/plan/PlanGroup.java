package org.improvementhub.portal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Actions under one item of the plan (a priority, an outcome...), headed by the item's place in the
 * tree, so the plan reads as the council wrote it.
 *
 * @param heading the item's levels, refs and titles, or empty for actions outside any programme
 */
public record PlanGroup(String heading, List<ActionRow> rows) {

  /** Consecutive rows under the same item form one group; rows stay in ref order. */
  static List<PlanGroup> of(List<ActionRow> rows, Map<String, String> itemHeadings) {
    List<PlanGroup> groups = new ArrayList<>();
    String parent = null;
    List<ActionRow> current = null;
    for (ActionRow row : rows) {
      if (current == null || !Objects.equals(parent, row.parentId())) {
        parent = row.parentId();
        current = new ArrayList<>();
        groups.add(
            new PlanGroup(parent == null ? "" : itemHeadings.getOrDefault(parent, ""), current));
      }
      current.add(row);
    }
    return groups;
  }
}
