package org.improvementhub.plans.documents;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of the plan tree read so far (headings, objective rows, outcome rows) by ref, and the
 * item the rows being read sit under. An item's parent follows ref numbering: {@code 7.1.2} sits
 * under {@code 7.1}, else under {@code 7} when {@code 7.1} is not an item, else under the current
 * item. A second item with a ref already used is renumbered and flagged.
 */
final class PlanItems {

  private final Map<String, ProposedItem> items = new LinkedHashMap<>();
  private final List<Flag> flags;

  /** The item the rows being read sit under, if any. */
  String current;

  PlanItems(List<Flag> flags) {
    this.flags = flags;
  }

  Map<String, ProposedItem> all() {
    return items;
  }

  ProposedItem get(String ref) {
    return items.get(ref);
  }

  /** A heading above an action table becomes a top-level item, and the current one. */
  void top(HeadingDraft draft) {
    if (draft.invented) {
      flags.add(
          new Flag(
              Flag.Kind.GUESSED,
              draft.ref,
              "ref",
              draft.origin,
              draft.title,
              "the heading has no number: ref " + draft.ref + " made from its initials"));
    }
    put(
        new ProposedItem(
            draft.ref,
            null,
            1,
            draft.levelName,
            draft.title,
            draft.description,
            draft.outcomes.isEmpty() ? null : String.join("\n", draft.outcomes),
            draft.owner,
            draft.origin));
    current = draft.ref;
  }

  void put(ProposedItem item) {
    ProposedItem earlier = items.get(item.ref());
    if (earlier != null) {
      if (earlier.title().equals(item.title())) {
        return;
      }
      String renamed = unique(item.ref());
      flags.add(
          new Flag(
              Flag.Kind.DUPLICATE,
              renamed,
              "ref",
              item.origin(),
              item.ref(),
              "ref "
                  + item.ref()
                  + " is also "
                  + earlier.origin().describe()
                  + ": proposed as "
                  + renamed
                  + "; choose to keep both (renumbered), keep only the first,"
                  + " or give this one its right ref"));
      item =
          new ProposedItem(
              renamed,
              item.parentRef(),
              item.level(),
              item.levelName(),
              item.title(),
              item.description(),
              item.successCriteria(),
              item.owner(),
              item.origin());
    }
    items.put(item.ref(), item);
  }

  /** Adds a line to the item's success criteria ("Improvement Outcomes" rows). */
  void addCriteria(String ref, String text) {
    ProposedItem item = items.get(ref);
    String criteria = item.successCriteria() == null ? text : item.successCriteria() + "\n" + text;
    items.put(
        ref,
        new ProposedItem(
            item.ref(),
            item.parentRef(),
            item.level(),
            item.levelName(),
            item.title(),
            item.description(),
            criteria,
            item.owner(),
            item.origin()));
  }

  /**
   * The item an action or outcome sits under: the longest item ref it extends, else the current
   * item.
   */
  String parentOf(String ref) {
    String[] parts = ref.split("\\.");
    for (int n = parts.length - 1; n >= 1; n--) {
      String prefix = String.join(".", List.of(parts).subList(0, n));
      if (items.containsKey(prefix) && !prefix.equals(ref)) {
        return prefix;
      }
    }
    return current;
  }

  private String unique(String ref) {
    Map<String, Integer> seen = new HashMap<>();
    items.keySet().forEach(r -> seen.put(r, 1));
    return unique(ref, seen);
  }

  /** The first of {@code ref-2}, {@code ref-3}… not in {@code seen}. */
  static String unique(String ref, Map<String, Integer> seen) {
    int n = 2;
    while (seen.containsKey(ref + "-" + n)) {
      n++;
    }
    return ref + "-" + n;
  }
}
