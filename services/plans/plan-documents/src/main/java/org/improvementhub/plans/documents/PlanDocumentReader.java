package org.improvementhub.plans.documents;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads a council's Word action plan into a {@link Proposal}. The document is walked in order: a
 * heading such as {@code Pillar One: …}, {@code Theme 1 - …} or {@code Recommendation: 1. …} (or a
 * Word heading just before a table) becomes a top-level item, and the paragraphs after it labelled
 * {@code Key Objectives}, {@code Accountable Leads} or {@code Outcomes} fill it in; a table whose
 * header names an action column and a ref, lead, due or status column is an action table; a legend
 * table of RAG words teaches the council's own wordings. Pure: no I/O beyond the bytes given.
 */
public final class PlanDocumentReader {

  private static final Pattern KEYWORD_HEADING =
      Pattern.compile(
          "^(pillar|theme|priority|recommendation|workstream|objective|area|category|section)"
              + "\\s*:?\\s*(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
              + "\\s*[.:\\-–—]?\\s*(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern NUMBERED =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?\\s+(\\S.*)$", Pattern.DOTALL);
  private static final Pattern LEADING_REF =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})*)\\.?(.*)$", Pattern.DOTALL);
  private static final Pattern OUTCOME_ROW =
      Pattern.compile("^outcome\\s*[:\\-–—]?\\s*(.+)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern LABEL =
      Pattern.compile("^([A-Za-z ]{3,40}):\\s*(.*)$", Pattern.DOTALL);
  private static final List<String> NUMBER_WORDS =
      List.of(
          "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve");

  private final Map<String, ColumnRole> remembered;

  /**
   * @param remembered the council's column choices at its last upload, by header text
   */
  public PlanDocumentReader(Map<String, ColumnRole> remembered) {
    this.remembered = new HashMap<>();
    remembered.forEach((header, role) -> this.remembered.put(HeaderWords.key(header), role));
  }

  /**
   * @throws DocumentProblem when the bytes are not a readable Word document or hold no action table
   */
  public Proposal read(byte[] docx) {
    try (XWPFDocument document = WordDocuments.open(docx)) {
      return new Reading().walk(document);
    } catch (IOException e) {
      throw new DocumentProblem(DocumentProblem.Reason.CORRUPT, "the file could not be read");
    }
  }

  /** One pass over one document; holds what has been read so far. */
  private final class Reading {
    private final List<Flag> flags = new ArrayList<>();
    private final Map<String, ProposedItem> items = new LinkedHashMap<>();
    private final List<ActionDraft> actions = new ArrayList<>();
    private final Map<String, ProposedDriver> drivers = new LinkedHashMap<>();
    private final List<ColumnGuess> mapping = new ArrayList<>();
    private final Map<String, Rag> legend = new LinkedHashMap<>();
    private String title;
    private HeadingDraft heading;
    private String headingLabel;
    private String currentItem;
    private String pendingOutcomesFor;
    private int paragraphs;
    private int tables;
    private int actionTables;

    Proposal walk(XWPFDocument document) {
      for (IBodyElement element : document.getBodyElements()) {
        if (element instanceof XWPFParagraph paragraph) {
          paragraph(paragraph);
        } else if (element instanceof XWPFTable table) {
          table(table);
        }
      }
      if (actionTables == 0) {
        throw new DocumentProblem(
            DocumentProblem.Reason.NO_ACTION_TABLE,
            "no table of actions was found: a table needs a header row naming the actions"
                + " (Action, Task…) and their lead, due date, status or ref");
      }
      return proposal();
    }

    private void paragraph(XWPFParagraph paragraph) {
      String text = raw(paragraph);
      paragraphs++;
      if (text.isEmpty()) {
        return;
      }
      String style =
          paragraph.getStyle() == null ? "" : paragraph.getStyle().toLowerCase(Locale.ROOT);
      if (title == null && (style.startsWith("title") || style.startsWith("heading"))) {
        title = text;
      }
      Matcher keyword = KEYWORD_HEADING.matcher(text);
      if (keyword.matches() && text.length() < 300) {
        String ref = number(keyword.group(2));
        String rest = keyword.group(3).strip();
        heading =
            new HeadingDraft(
                ref,
                capitalised(keyword.group(1)),
                rest.isEmpty() ? text : rest,
                Origin.paragraph(paragraphs),
                false);
        headingLabel = null;
        return;
      }
      if (style.startsWith("heading")
          && text.length() <= 100
          && !NUMBERED.matcher(text).matches()) {
        heading =
            new HeadingDraft(initials(text), "Section", text, Origin.paragraph(paragraphs), true);
        headingLabel = null;
        return;
      }
      if (heading == null) {
        return;
      }
      Matcher label = LABEL.matcher(text);
      if (label.matches()) {
        String name = label.group(1).toLowerCase(Locale.ROOT);
        String value = label.group(2).strip();
        if (name.contains("lead") || name.contains("owner")) {
          heading.owner = value;
          headingLabel = null;
        } else if (name.contains("objective")) {
          heading.description =
              heading.description == null ? text : heading.description + "\n" + text;
          headingLabel = null;
        } else if (name.contains("outcome") || name.contains("success")) {
          headingLabel = "outcomes";
          if (!value.isEmpty()) {
            heading.addOutcome(value);
          }
        }
        return;
      }
      if ("outcomes".equals(headingLabel)) {
        heading.addOutcome(text);
      }
    }

    private void table(XWPFTable table) {
      tables++;
      List<XWPFTableRow> rows = table.getRows();
      if (rows.isEmpty()) {
        return;
      }
      if (legendTable(table)) {
        return;
      }
      for (int h = 0; h < Math.min(2, rows.size()); h++) {
        List<ColumnGuess> guesses = new ArrayList<>();
        List<XWPFTableCell> cells = rows.get(h).getTableCells();
        for (int c = 0; c < cells.size(); c++) {
          guesses.add(HeaderWords.guess(tables, c + 1, text(cells.get(c)), remembered));
        }
        Set<ColumnRole> roles = guesses.stream().map(ColumnGuess::role).collect(Collectors.toSet());
        if (roles.contains(ColumnRole.ACTION)
            && (roles.contains(ColumnRole.REF)
                || roles.contains(ColumnRole.LEAD)
                || roles.contains(ColumnRole.DUE)
                || roles.contains(ColumnRole.STATUS))) {
          actionTable(rows, h, guesses);
          return;
        }
      }
    }

    /** A legend: rows (or columns) that each start with a RAG word beside its meaning. */
    private boolean legendTable(XWPFTable table) {
      List<XWPFTableRow> rows = table.getRows();
      Map<String, Rag> found = new LinkedHashMap<>();
      for (XWPFTableRow row : rows) {
        List<XWPFTableCell> cells = row.getTableCells();
        if (cells.size() >= 2) {
          Rag rag = ragWord(text(cells.get(0)));
          if (rag != null) {
            found.put(RagWords.normal(text(cells.get(1))), rag);
            alias(text(cells.get(0)), rag, found);
          }
        }
      }
      if (found.size() < 3 && rows.size() >= 2) {
        found.clear();
        List<XWPFTableCell> words = rows.get(0).getTableCells();
        List<XWPFTableCell> meanings = rows.get(1).getTableCells();
        for (int c = 0; c < Math.min(words.size(), meanings.size()); c++) {
          Rag rag = ragWord(text(words.get(c)));
          if (rag != null && !text(meanings.get(c)).isBlank()) {
            found.put(RagWords.normal(text(meanings.get(c))), rag);
            alias(text(words.get(c)), rag, found);
          }
        }
      }
      if (found.size() >= 3) {
        legend.putAll(found);
        return true;
      }
      return false;
    }

    private void alias(String cell, Rag rag, Map<String, Rag> found) {
      Matcher letters = Pattern.compile("\\(([A-Za-z]{1,2})\\)").matcher(cell);
      if (letters.find()) {
        found.put(letters.group(1).toLowerCase(Locale.ROOT), rag);
      }
    }

    private Rag ragWord(String cell) {
      String first = cell.strip().split("[\\s(]+")[0];
      return RagWords.word(first);
    }

    private void actionTable(List<XWPFTableRow> rows, int headerRow, List<ColumnGuess> guesses) {
      actionTables++;
      mapping.addAll(guesses);
      int table = tables;
      if (heading != null && !heading.used) {
        topItem(heading);
        heading.used = true;
      }
      RagWords rags = new RagWords(legend);
      ActionDraft previous = null;
      for (int r = headerRow + 1; r < rows.size(); r++) {
        Row row = new Row(table, r + 1, rows.get(r).getTableCells(), guesses);
        if (row.blank()) {
          continue;
        }
        String first = row.firstText();
        if (first.toLowerCase(Locale.ROOT).startsWith("improvement outcome")) {
          String rest =
              row.allText().substring(Math.min(first.length(), row.allText().length())).strip();
          rest = rest.replaceFirst("(?i)^improvement outcomes?\\s*", "").strip();
          if (currentItem != null) {
            if (rest.isEmpty()) {
              pendingOutcomesFor = currentItem;
            } else {
              addCriteria(currentItem, rest);
            }
          }
          continue;
        }
        if (pendingOutcomesFor != null
            && row.role(ColumnRole.REF).isEmpty()
            && row.role(ColumnRole.ACTION).isEmpty()) {
          addCriteria(pendingOutcomesFor, row.allText());
          pendingOutcomesFor = null;
          continue;
        }
        pendingOutcomesFor = null;
        previous = row(row, rags, previous);
      }
    }

    private ActionDraft row(Row row, RagWords rags, ActionDraft previous) {
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
        String parent = heading != null && heading.used ? heading.ref : null;
        List<String> lines = row.paragraphs(ColumnRole.OBJECTIVE);
        String measure = row.role(ColumnRole.MEASURE);
        String description =
            measure.isBlank() ? null : row.header(ColumnRole.MEASURE) + ":\n" + measure;
        putItem(
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
        currentItem = itemRef;
        row.measureTaken = true;
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
        String parent = parentOf(ref);
        int level = parent == null ? 1 : items.get(parent).level() + 1;
        putItem(
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
        currentItem = ref;
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
                  numbered.group(1), numbered.group(2).strip(), row.origin(ColumnRole.ACTION)));
        } else if (made.isEmpty() && ref != null) {
          made.add(new ActionDraft(ref, line, row.origin(ColumnRole.ACTION)));
        } else if (made.isEmpty()) {
          orphan.add(line);
        } else {
          made.get(made.size() - 1).more.add(line);
        }
      }
      if (!orphan.isEmpty()) {
        if (previous != null) {
          // a row with no ref continuing the one before it (a table split over a page)
          String joined = String.join("\n", orphan);
          if (previous.more.isEmpty()
              && !joined.isEmpty()
              && Character.isLowerCase(joined.charAt(0))) {
            previous.title = previous.title + " " + orphan.get(0);
            previous.more.addAll(orphan.subList(1, orphan.size()));
          } else {
            previous.more.addAll(orphan);
          }
          previous.fill(row, rags, cited, 0, 1);
        } else {
          ActionDraft lost =
              new ActionDraft(
                  "T" + row.table + "-" + row.number, orphan.get(0), row.origin(ColumnRole.ACTION));
          lost.more.addAll(orphan.subList(1, orphan.size()));
          flags.add(
              new Flag(
                  Flag.Kind.MISSING,
                  lost.ref,
                  "ref",
                  row.origin(ColumnRole.REF),
                  "",
                  "an action with no ref and no action above it: " + lost.ref + " made up"));
          made.add(0, lost);
        }
      }
      for (int i = 0; i < made.size(); i++) {
        ActionDraft action = made.get(i);
        action.parent = parentOf(action.ref);
        action.fill(row, rags, cited, i, made.size());
        actions.add(action);
      }
      return made.isEmpty() ? previous : made.get(made.size() - 1);
    }

    private void topItem(HeadingDraft draft) {
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
      putItem(
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
      currentItem = draft.ref;
    }

    private void putItem(ProposedItem item) {
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

    private void addCriteria(String ref, String text) {
      ProposedItem item = items.get(ref);
      String criteria =
          item.successCriteria() == null ? text : item.successCriteria() + "\n" + text;
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
    private String parentOf(String ref) {
      String[] parts = ref.split("\\.");
      for (int n = parts.length - 1; n >= 1; n--) {
        String prefix = String.join(".", List.of(parts).subList(0, n));
        if (items.containsKey(prefix) && !prefix.equals(ref)) {
          return deepestUnder(prefix);
        }
      }
      return currentItem;
    }

    /**
     * Actions numbered 1.2 under pillar 1 sit under its outcome 1.2 when that exists (it does:
     * prefix).
     */
    private String deepestUnder(String prefix) {
      return prefix;
    }

    private Proposal proposal() {
      List<ProposedAction> done = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      items.keySet().forEach(ref -> seen.put(ref, 1));
      for (ActionDraft draft : actions) {
        String ref = draft.ref;
        if (seen.containsKey(ref)) {
          String renamed = unique(ref, seen);
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
        done.add(draft.toAction(ref));
      }
      int depth = items.values().stream().mapToInt(ProposedItem::level).max().orElse(0);
      List<String> levelNames = new ArrayList<>();
      for (int level = 1; level <= depth; level++) {
        final int at = level;
        levelNames.add(
            items.values().stream()
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
            (int) items.values().stream().filter(i -> i.level() == at).count());
      }
      counts.put("Action", done.size());
      for (ProposedAction action : done) {
        int level = action.parentRef() == null ? 1 : items.get(action.parentRef()).level() + 1;
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
          List.copyOf(items.values()),
          done,
          List.copyOf(drivers.values()),
          mapping,
          Map.copyOf(legend),
          flags);
    }

    private String unique(String ref) {
      Map<String, Integer> seen = new HashMap<>();
      items.keySet().forEach(r -> seen.put(r, 1));
      return unique(ref, seen);
    }

    private String unique(String ref, Map<String, Integer> seen) {
      int n = 2;
      while (seen.containsKey(ref + "-" + n)) {
        n++;
      }
      return ref + "-" + n;
    }

    /** An action being built from one or more rows. */
    private final class ActionDraft {
      final String ref;
      final Origin origin;
      String title;
      final List<String> more = new ArrayList<>();
      String parent;
      final List<String> leads = new ArrayList<>();
      String leadsText = "";
      LocalDate start;
      LocalDate due;
      String timescaleText = "";
      Rag rag;
      String statusText = "";
      String statusNote;
      String reviewNote;
      String measure;
      final List<String> support = new ArrayList<>();
      final Set<String> drivers = new LinkedHashSet<>();

      ActionDraft(String ref, String title, Origin origin) {
        this.ref = ref;
        this.title = title;
        this.origin = origin;
      }

      /** Takes this action's share of the row's other cells: the index-th of count actions. */
      void fill(Row row, RagWords rags, List<String> cited, int index, int count) {
        drivers.addAll(cited);
        String dueText = row.share(ColumnRole.DUE, index, count, ref, "due", flags);
        if (!dueText.isBlank() && timescaleText.isBlank()) {
          timescaleText = dueText;
          DateReading reading = CouncilDates.read(dueText);
          start = reading.start();
          due = reading.due();
          if (!reading.clean()) {
            flags.add(
                new Flag(
                    reading.kind(),
                    ref,
                    "due",
                    row.origin(ColumnRole.DUE),
                    dueText,
                    reading.note()));
          }
        }
        String leadText = row.share(ColumnRole.LEAD, index, count, ref, "leads", flags);
        if (!leadText.isBlank()) {
          leadsText = leadsText.isBlank() ? leadText : leadsText + " / " + leadText;
          LeadNames.split(leadText)
              .forEach(
                  l -> {
                    if (!leads.contains(l)) leads.add(l);
                  });
        }
        String status = row.share(ColumnRole.STATUS, index, count, ref, "rag", flags);
        if (!status.isBlank() && statusText.isBlank()) {
          statusText = status;
          RagReading reading = rags.read(status);
          rag = reading.rag();
          statusNote = reading.statusNote();
          if (rag == null) {
            flags.add(
                new Flag(
                    Flag.Kind.UNREADABLE,
                    ref,
                    "rag",
                    row.origin(ColumnRole.STATUS),
                    status,
                    "not a RAG: left unset and kept as a status note"));
          }
        }
        String note = row.role(ColumnRole.REVIEW_NOTE);
        if (!note.isBlank()) {
          reviewNote = reviewNote == null ? note : reviewNote + "\n" + note;
        }
        if (!row.measureTaken) {
          String m = row.role(ColumnRole.MEASURE);
          if (!m.isBlank()) {
            measure = measure == null ? m : measure + "\n" + m;
          }
        }
        String extra = row.role(ColumnRole.SUPPORT);
        if (!extra.isBlank()) {
          support.add(row.header(ColumnRole.SUPPORT) + ": " + extra);
        }
        row.seen = true;
      }

      ProposedAction toAction(String finalRef) {
        List<String> text = new ArrayList<>(more);
        text.addAll(support);
        String description = text.isEmpty() ? null : String.join("\n", text);
        if (due == null && timescaleText.isBlank()) {
          flags.add(
              new Flag(
                  Flag.Kind.MISSING,
                  finalRef,
                  "due",
                  origin,
                  "",
                  "the document gives no due date"));
        }
        if (leads.isEmpty()) {
          flags.add(
              new Flag(
                  Flag.Kind.MISSING, finalRef, "leads", origin, "", "the document names no lead"));
        }
        if (rag == null && statusText.isBlank() && hasStatusColumn(origin.table())) {
          flags.add(
              new Flag(Flag.Kind.MISSING, finalRef, "rag", origin, "", "no RAG given: left unset"));
        }
        String shortTitle = title.length() > 500 ? title.substring(0, 497) + "…" : title;
        if (shortTitle.length() != title.length()) {
          flags.add(
              new Flag(
                  Flag.Kind.GUESSED,
                  finalRef,
                  "title",
                  origin,
                  title,
                  "longer than 500 characters: shortened, the whole text is the description"));
          description = description == null ? title : title + "\n" + description;
        }
        return new ProposedAction(
            finalRef,
            parent,
            shortTitle,
            description,
            measure,
            List.copyOf(leads),
            leadsText,
            start,
            due,
            timescaleText,
            rag,
            statusText,
            statusNote,
            reviewNote,
            List.copyOf(drivers),
            origin);
      }
    }

    /**
     * A due date far before most of the plan's is more likely a slip of the year ("28 Feb 2012" in
     * a 2013 plan) than the plan: it is kept as written, and flagged.
     */
    private void datesOutOfLine(List<ProposedAction> done) {
      List<LocalDate> dues =
          done.stream()
              .map(ProposedAction::due)
              .filter(java.util.Objects::nonNull)
              .sorted()
              .toList();
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

    private boolean hasStatusColumn(int table) {
      return hasColumn(table, ColumnRole.STATUS);
    }

    private boolean hasColumn(int table, ColumnRole role) {
      return mapping.stream().anyMatch(g -> g.table() == table && g.role() == role);
    }
  }

  /** One table row's cells, by what their columns hold. */
  private static final class Row {
    final int table;
    final int number;
    final List<XWPFTableCell> cells;
    final List<ColumnGuess> guesses;
    boolean measureTaken;
    boolean seen;

    Row(int table, int number, List<XWPFTableCell> cells, List<ColumnGuess> guesses) {
      this.table = table;
      this.number = number;
      this.cells = cells;
      this.guesses = guesses;
    }

    boolean blank() {
      return cells.stream().allMatch(c -> text(c).isBlank());
    }

    String firstText() {
      return cells.stream()
          .map(PlanDocumentReader::text)
          .filter(t -> !t.isBlank())
          .findFirst()
          .orElse("");
    }

    String allText() {
      return cells.stream()
          .map(PlanDocumentReader::text)
          .filter(t -> !t.isBlank())
          .collect(Collectors.joining("\n"));
    }

    String role(ColumnRole role) {
      return String.join("\n", paragraphs(role));
    }

    List<String> paragraphs(ColumnRole role) {
      List<String> lines = new ArrayList<>();
      for (int c = 0; c < Math.min(cells.size(), guesses.size()); c++) {
        if (guesses.get(c).role() == role) {
          for (XWPFParagraph p : cells.get(c).getParagraphs()) {
            String t = p.getText().strip();
            if (!t.isEmpty()) {
              lines.add(t);
            }
          }
        }
      }
      return lines;
    }

    String header(ColumnRole role) {
      return guesses.stream()
          .filter(g -> g.role() == role)
          .map(g -> g.header().strip())
          .findFirst()
          .orElse("");
    }

    Origin origin(ColumnRole role) {
      for (ColumnGuess g : guesses) {
        if (g.role() == role) {
          return new Origin(table, number, g.column(), g.header().strip());
        }
      }
      return new Origin(table, number, 0, "");
    }

    /**
     * The index-th of count actions' share of a cell: its own paragraph when the cell has one per
     * action, the whole cell when it has one paragraph, otherwise matched in order and flagged.
     */
    String share(
        ColumnRole role, int index, int count, String ref, String field, List<Flag> flags) {
      List<String> lines = paragraphs(role);
      if (count == 1 || lines.size() <= 1) {
        return String.join("\n", lines);
      }
      if (lines.size() == count) {
        return lines.get(index);
      }
      String mine = index < lines.size() ? lines.get(index) : "";
      flags.add(
          new Flag(
              Flag.Kind.GUESSED,
              ref,
              field,
              origin(role),
              String.join(" | ", lines),
              "the cell holds "
                  + lines.size()
                  + " entries for "
                  + count
                  + " actions: matched in order"
                  + (mine.isEmpty()
                      ? ", none left for this one"
                      : ", this one took \"" + mine + "\"")));
      return mine;
    }
  }

  /** A heading above a table, waiting for the table that makes it a plan item. */
  private static final class HeadingDraft {
    final String ref;
    final String levelName;
    final String title;
    final Origin origin;
    final boolean invented;
    String description;
    String owner;
    final List<String> outcomes = new ArrayList<>();
    boolean used;

    HeadingDraft(String ref, String levelName, String title, Origin origin, boolean invented) {
      this.ref = ref;
      this.levelName = levelName;
      this.title = title;
      this.origin = origin;
      this.invented = invented;
    }

    void addOutcome(String text) {
      outcomes.add(text);
    }
  }

  /**
   * A paragraph's text as typed: POI's own text applies Word's All Caps display property, which
   * would turn a heading typed "Theme 1 - Improving…" into capitals.
   */
  static String raw(XWPFParagraph paragraph) {
    StringBuilder text = new StringBuilder();
    for (org.apache.poi.xwpf.usermodel.XWPFRun run : paragraph.getRuns()) {
      String part = run.getText(0);
      if (part != null) {
        text.append(part);
      }
    }
    return text.length() == 0 ? paragraph.getText().strip() : text.toString().strip();
  }

  static String text(XWPFTableCell cell) {
    return cell.getParagraphs().stream()
        .map(p -> p.getText().strip())
        .filter(t -> !t.isEmpty())
        .collect(Collectors.joining("\n"));
  }

  private static String number(String word) {
    int index = NUMBER_WORDS.indexOf(word.toLowerCase(Locale.ROOT));
    return index >= 0 ? Integer.toString(index + 1) : word;
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT)
        + word.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String firstWord(String header) {
    String word = header.strip().split("[\\s/]+")[0];
    return word.isEmpty() ? "Objective" : capitalised(word.replaceAll("s$", ""));
  }

  private static String initials(String heading) {
    StringBuilder initials = new StringBuilder();
    for (String word : heading.split("[\\s&/-]+")) {
      if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0))) {
        initials.append(Character.toUpperCase(word.charAt(0)));
      }
    }
    return initials.length() == 0 ? "S" : initials.toString();
  }
}
