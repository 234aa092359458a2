package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The rows of an action table, read into items and actions: a row with an objective is an item; a
 * {@code 1.1 | Outcome: …} row is an outcome item; "Improvement Outcomes" rows are the current
 * item's success criteria; a cell of several numbered paragraphs is several actions (unnumbered
 * paragraphs belong to the action above them); a row with no ref continues the row before it.
 */
final class ActionRows {

  static final Pattern NUMBERED =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+(\\S.*)$", Pattern.DOTALL);
  private static final Pattern LEADING_REF =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?(.*)$", Pattern.DOTALL);
  private static final Pattern OUTCOME_ROW =
      Pattern.compile("^outcome\\s*[:\\-–—]?\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final PlanItems items;
  private final Headings headings;
  private final List<ActionDraft> actions;
  private final List<Flag> flags;
  private String pendingOutcomesFor;

  ActionRows(PlanItems items, Headings headings, List<ActionDraft> actions, List<Flag> flags) {
    this.items = items;
    this.headings = headings;
    this.actions = actions;
    this.flags = flags;
  }

  /** Reads the rows below the header row of the table numbered {@code table}. */
  void read(
      List<XWPFTableRow> rows,
      int headerRow,
      List<ColumnGuess> guesses,
      int table,
      Map<String, Rag> legend) {
    HeadingDraft heading = headings.heading;
    if (heading != null && !heading.used) {
      items.top(heading);
      heading.used = true;
    }
    RagWords rags = new RagWords(legend);
    ActionDraft previous = null;
    for (int r = headerRow + 1; r < rows.size(); r++) {
      TableRow row = new TableRow(table, r + 1, rows.get(r).getTableCells(), guesses);
      if (row.blank()) {
        continue;
      }
      String first = row.firstText();
      if (first.toLowerCase(Locale.ROOT).startsWith("improvement outcome")) {
        String rest =
            row.allText().substring(Math.min(first.length(), row.allText().length())).strip();
        rest = rest.replaceFirst("(?i)^improvement outcomes?\\s*", "").strip();
        if (items.current != null) {
          if (rest.isEmpty()) {
            pendingOutcomesFor = items.current;
          } else {
            items.addCriteria(items.current, rest);
          }
        }
        continue;
      }
      if (pendingOutcomesFor != null
          && row.role(ColumnRole.REF).isEmpty()
          && row.role(ColumnRole.ACTION).isEmpty()) {
        items.addCriteria(pendingOutcomesFor, row.allText());
        pendingOutcomesFor = null;
        continue;
      }
      pendingOutcomesFor = null;
      previous = row(row, rags, previous);
    }
  }

  private ActionDraft row(TableRow row, RagWords rags, ActionDraft previous) {
    String refCell = row.role(ColumnRole.REF);
    String ref = null;
    String refRest = refCell;
    Matcher leading = LEADING_REF.matcher(refCell);
    if (leading.matches()) {
      ref = leading.group(1);
      refRest = leading.group(2);
    }
    List<String> cited = new ArrayList<>(DriverRefs.find(refRest));
    DriverRefs.find(row.role(ColumnRole.DRIVER))
        .forEach(
            d -> {
              if (!cited.contains(d)) cited.add(d);
            });
    String objective = row.role(ColumnRole.OBJECTIVE);
    if (!objective.isBlank()) {
      objectiveItem(row, ref, objective);
      ref = null;
    }
    List<String> actionLines = row.paragraphs(ColumnRole.ACTION);
    if (actionLines.isEmpty()) {
      return previous;
    }
    Matcher outcome = OUTCOME_ROW.matcher(String.join(" ", actionLines));
    if (ref != null
        && outcome.matches()
        && row.role(ColumnRole.LEAD).isBlank()
        && row.role(ColumnRole.DUE).isBlank()) {
      String parent = items.parentOf(ref);
      int level = parent == null ? 1 : items.get(parent).level() + 1;
      items.put(
          new ProposedItem(
              ref,
              parent,
              level,
              "Outcome",
              outcome.group(1).strip(),
              null,
              null,
              null,
              row.origin(ColumnRole.ACTION)));
      items.current = ref;
      return null;
    }
    // split the cell into its numbered actions; unnumbered paragraphs belong to the one before
    List<ActionDraft> made = new ArrayList<>();
    List<String> orphan = new ArrayList<>();
    for (String line : actionLines) {
      Matcher numbered = NUMBERED.matcher(line);
      if (numbered.matches()
          && (ref == null || made.isEmpty() && numbered.group(1).startsWith(ref))) {
        made.add(
            new ActionDraft(
                numbered.group(1),
                numbered.group(2).strip(),
                row.origin(ColumnRole.ACTION),
                flags));
      } else if (made.isEmpty() && ref != null) {
        made.add(new ActionDraft(ref, line, row.origin(ColumnRole.ACTION), flags));
      } else if (made.isEmpty()) {
        orphan.add(line);
      } else {
        made.get(made.size() - 1).more.add(line);
      }
    }
    if (!orphan.isEmpty()) {
      if (previous != null) {
        continued(row, rags, cited, previous, orphan);
      } else {
        made.add(0, lost(row, orphan));
      }
    }
    for (int i = 0; i < made.size(); i++) {
      ActionDraft action = made.get(i);
      action.parent = items.parentOf(action.ref);
      action.fill(row, rags, cited, i, made.size());
      actions.add(action);
    }
    return made.isEmpty() ? previous : made.get(made.size() - 1);
  }

  /** A row with an objective (and its ref) is an item of the level named by the column. */
  private void objectiveItem(TableRow row, String ref, String objective) {
    String itemRef = ref;
    if (itemRef == null) {
      itemRef = "T" + row.table + "-" + row.number;
      flags.add(
          new Flag(
              Flag.Kind.MISSING,
              itemRef,
              "ref",
              row.origin(ColumnRole.OBJECTIVE),
              objective,
              "the objective has no ref: " + itemRef + " made up"));
    }
    String levelName = firstWord(row.header(ColumnRole.OBJECTIVE));
    HeadingDraft heading = headings.heading;
    String parent = heading != null && heading.used ? heading.ref : null;
    List<String> lines = row.paragraphs(ColumnRole.OBJECTIVE);
    String measure = row.role(ColumnRole.MEASURE);
    String description =
        measure.isBlank() ? null : row.header(ColumnRole.MEASURE) + ":\n" + measure;
    items.put(
        new ProposedItem(
            itemRef,
            parent,
            parent == null ? 1 : 2,
            levelName,
            lines.get(0),
            description,
            null,
            null,
            row.origin(ColumnRole.OBJECTIVE)));
    items.current = itemRef;
    row.measureTaken = true;
  }

  /** A row with no ref continuing the one before it (a table split over a page). */
  private static void continued(
      TableRow row, RagWords rags, List<String> cited, ActionDraft previous, List<String> orphan) {
    String joined = String.join("\n", orphan);
    if (previous.more.isEmpty() && !joined.isEmpty() && Character.isLowerCase(joined.charAt(0))) {
      previous.title = previous.title + " " + orphan.get(0);
      previous.more.addAll(orphan.subList(1, orphan.size()));
    } else {
      previous.more.addAll(orphan);
    }
    previous.fill(row, rags, cited, 0, 1);
  }

  /** An action with no ref and no action above it: its ref is made up, and flagged. */
  private ActionDraft lost(TableRow row, List<String> orphan) {
    ActionDraft lost =
        new ActionDraft(
            "T" + row.table + "-" + row.number,
            orphan.get(0),
            row.origin(ColumnRole.ACTION),
            flags);
    lost.more.addAll(orphan.subList(1, orphan.size()));
    flags.add(
        new Flag(
            Flag.Kind.MISSING,
            lost.ref,
            "ref",
            row.origin(ColumnRole.REF),
            "",
            "an action with no ref and no action above it: " + lost.ref + " made up"));
    return lost;
  }

  private static String firstWord(String header) {
    String word = header.strip().split("[\\s/]+")[0];
    return word.isEmpty() ? "Objective" : Headings.capitalised(word.replaceAll("s$", ""));
  }
}
