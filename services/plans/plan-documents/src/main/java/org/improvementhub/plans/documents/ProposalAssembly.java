package org.improvementhub.plans.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Finishes a document's reading into a {@link Proposal}: actions whose ref is used twice are
 * renumbered and flagged, the level names and counts come from the items, actions at the wrong
 * depth are flagged, cited drivers are collected (each flagged: its words are needed), and two
 * plausibility checks flag due dates that are probably slips.
 */
final class ProposalAssembly {

  private final PlanItems items;
  private final List<ColumnGuess> mapping;
  private final List<Flag> flags;

  ProposalAssembly(PlanItems items, List<ColumnGuess> mapping, List<Flag> flags) {
    this.items = items;
    this.mapping = mapping;
    this.flags = flags;
  }

  Proposal assemble(String title, List<ActionDraft> actions, Map<String, Rag> legend) {
    Map<String, ProposedItem> all = items.all();
    List<ProposedAction> done = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    all.keySet().forEach(ref -> seen.put(ref, 1));
    for (ActionDraft draft : actions) {
      String ref = draft.ref;
      if (seen.containsKey(ref)) {
        String renamed = PlanItems.unique(ref, seen);
        flags.add(
            new Flag(
                Flag.Kind.DUPLICATE,
                renamed,
                "ref",
                draft.origin,
                ref,
                "ref "
                    + ref
                    + " is used twice: proposed as "
                    + renamed
                    + "; choose to keep both (renumbered),"
                    + " keep only the first, or give this one its right ref"));
        ref = renamed;
      }
      seen.put(ref, 1);
      done.add(draft.toAction(ref, table -> hasColumn(table, ColumnRole.STATUS)));
    }
    int depth = all.values().stream().mapToInt(ProposedItem::level).max().orElse(0);
    List<String> levelNames = new ArrayList<>();
    for (int level = 1; level <= depth; level++) {
      final int at = level;
      levelNames.add(
          all.values().stream()
              .filter(i -> i.level() == at)
              .map(ProposedItem::levelName)
              .findFirst()
              .orElse("Level " + level));
    }
    levelNames.add("Action");
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int level = 1; level <= depth; level++) {
      final int at = level;
      counts.put(
          levelNames.get(level - 1),
          (int) all.values().stream().filter(i -> i.level() == at).count());
    }
    counts.put("Action", done.size());
    for (ProposedAction action : done) {
      int level = action.parentRef() == null ? 1 : all.get(action.parentRef()).level() + 1;
      if (level != depth + 1) {
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "parent_ref",
                action.origin(),
                action.parentRef() == null ? "" : action.parentRef(),
                "the action sits at level "
                    + level
                    + " but the plan's actions are at level "
                    + (depth + 1)
                    + ": choose the item it belongs under"));
      }
    }
    Map<String, ProposedDriver> drivers = new LinkedHashMap<>();
    for (ProposedAction action : done) {
      for (String ref : action.drivers()) {
        drivers.putIfAbsent(ref, ProposedDriver.cited(ref, action.origin()));
      }
      if (action.drivers().isEmpty() && hasColumn(action.origin().table(), ColumnRole.DRIVER)) {
        flags.add(
            new Flag(
                Flag.Kind.MISSING,
                action.ref(),
                "drivers",
                action.origin(),
                "",
                "the row cites no driver"));
      }
    }
    singleDatesAmongRanges(done);
    datesOutOfLine(done);
    for (ProposedDriver driver : drivers.values()) {
      flags.add(
          new Flag(
              Flag.Kind.MISSING,
              driver.ref(),
              "driver",
              driver.origin(),
              driver.ref(),
              "the document only cites " + driver.ref() + ": its words are needed"));
    }
    return new Proposal(
        title,
        levelNames,
        counts,
        List.copyOf(all.values()),
        done,
        List.copyOf(drivers.values()),
        mapping,
        Map.copyOf(legend),
        flags);
  }

  /**
   * A due date far before most of the plan's is more likely a slip of the year ("28 Feb 2012" in a
   * 2013 plan) than the plan: it is kept as written, and flagged.
   */
  private void datesOutOfLine(List<ProposedAction> done) {
    List<LocalDate> dues =
        done.stream().map(ProposedAction::due).filter(Objects::nonNull).sorted().toList();
    if (dues.size() < 5) {
      return;
    }
    LocalDate median = dues.get(dues.size() / 2);
    for (ProposedAction action : done) {
      if (action.due() != null && action.due().isBefore(median.minusMonths(9))) {
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "due",
                action.origin(),
                action.timescaleText(),
                "due "
                    + action.due()
                    + " is long before most of the plan's dates (half are due by "
                    + median
                    + "): check the year"));
      }
    }
  }

  /**
   * In a table whose timescales are mostly ranges (start – due), a lone date may be either: it is
   * read as the due date, and flagged.
   */
  private void singleDatesAmongRanges(List<ProposedAction> done) {
    Map<Integer, Long> ranges =
        done.stream()
            .filter(a -> a.start() != null && a.due() != null)
            .collect(Collectors.groupingBy(a -> a.origin().table(), Collectors.counting()));
    for (ProposedAction action : done) {
      boolean flagged =
          flags.stream().anyMatch(f -> f.ref().equals(action.ref()) && f.field().equals("due"));
      if (ranges.containsKey(action.origin().table())
          && action.start() == null
          && action.due() != null
          && !flagged) {
        flags.add(
            new Flag(
                Flag.Kind.GUESSED,
                action.ref(),
                "due",
                action.origin(),
                action.timescaleText(),
                "one date where other timescales in this table are ranges (start – due): read as"
                    + " the due date"));
      }
    }
  }

  private boolean hasColumn(int table, ColumnRole role) {
    return mapping.stream().anyMatch(g -> g.table() == table && g.role() == role);
  }
}
