package org.improvementhub.portal.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell the proposal could not read or had to guess, with where it came from in the document, as
 * the preview's flag tables show it.
 */
public record FlaggedCell(
    String kind, String ref, String field, String where, String original, String message) {

  /** What each kind of flag asks of the programme manager, in the order the tables show them. */
  private static final Map<String, String> KINDS = kinds();

  /** One group per kind of flag, in a fixed order, each with its heading and its cells. */
  public record Group(String kind, String heading, List<FlaggedCell> cells) {

    public String id() {
      return "flags-" + kind.toLowerCase(java.util.Locale.ROOT);
    }
  }

  static List<Group> groups(List<Map<String, Object>> flags) {
    Map<String, List<FlaggedCell>> byKind = new LinkedHashMap<>();
    KINDS.keySet().forEach(kind -> byKind.put(kind, new ArrayList<>()));
    for (Map<String, Object> flag : flags) {
      FlaggedCell cell = of(flag);
      byKind.computeIfAbsent(cell.kind(), k -> new ArrayList<>()).add(cell);
    }
    List<Group> groups = new ArrayList<>();
    byKind.forEach(
        (kind, cells) -> {
          if (!cells.isEmpty()) {
            groups.add(new Group(kind, KINDS.getOrDefault(kind, kind), List.copyOf(cells)));
          }
        });
    return groups;
  }

  static FlaggedCell of(Map<String, Object> flag) {
    return new FlaggedCell(
        ProposedRow.text(flag.get("kind")),
        ProposedRow.text(flag.get("ref")),
        ProposedRow.text(flag.get("field")),
        where(flag.get("origin")),
        ProposedRow.text(flag.get("original")),
        ProposedRow.text(flag.get("message")));
  }

  /**
   * As a programme manager would look for it in Word: {@code table 2, row 5, column "By when"} (the
   * same words as the plans API's {@code Origin.describe}).
   */
  static String where(Object origin) {
    if (!(origin instanceof Map<?, ?> at)) {
      return "the document";
    }
    int table = ProposedRow.number(at.get("table"));
    int row = ProposedRow.number(at.get("row"));
    int column = ProposedRow.number(at.get("column"));
    if (table == 0) {
      return row == 0 ? "the document" : "paragraph " + row;
    }
    return column == 0
        ? "table " + table + ", row " + row
        : "table "
            + table
            + ", row "
            + row
            + ", column \""
            + ProposedRow.text(at.get("header"))
            + "\"";
  }

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("DUPLICATE", "Duplicate refs: choose what to keep");
    kinds.put("UNREADABLE", "Cells that could not be read: left unset");
    kinds.put("MISSING", "Values the document does not give");
    kinds.put("GUESSED", "Values that were guessed: check them");
    return kinds;
  }
}
