package org.improvementhub.plans.documents;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses what a column holds from its header, in the order that settles overlaps: "Ofsted Ref" is
 * a driver before it is a ref, "Status of action" a status before an action, "Project Lead" a lead
 * before a project, "Suggested Project Team" support before a project.
 */
final class HeaderWords {

  private record Rule(ColumnRole role, List<String> words) {}

  private static final List<Rule> RULES =
      List.of(
          new Rule(
              ColumnRole.DRIVER,
              List.of(
                  "ofsted ref",
                  "references to",
                  "links to",
                  "driver",
                  "recommendation",
                  "notice ref")),
          new Rule(ColumnRole.REF, List.of("ref", "no.", "number", "reference")),
          new Rule(ColumnRole.STATUS, List.of("rag", "status", "r a g", "progress rating")),
          new Rule(
              ColumnRole.REVIEW_NOTE,
              List.of("review note", "update", "commentary", "comment", "progress")),
          new Rule(
              ColumnRole.DUE, List.of("due", "by when", "timescale", "deadline", "date", "when")),
          new Rule(ColumnRole.LEAD, List.of("lead", "owner", "responsib", "officer", "person")),
          new Rule(
              ColumnRole.MEASURE,
              List.of("measure", "kpi", "success", "target", "indicator", "evidence")),
          new Rule(
              ColumnRole.OBJECTIVE,
              List.of(
                  "objective", "what needs to improve", "outcome", "theme", "pillar", "area for")),
          new Rule(ColumnRole.SUPPORT, List.of("team", "support", "partners", "resources")),
          new Rule(
              ColumnRole.ACTION,
              List.of("action", "task", "activit", "priority", "project", "what we will do")));

  private HeaderWords() {}

  /**
   * @param remembered the council's own choices at its last upload, by header text (lower case)
   */
  static ColumnGuess guess(
      int table, int column, String header, Map<String, ColumnRole> remembered) {
    String words = key(header);
    ColumnRole chosen = remembered.get(words);
    if (chosen != null) {
      return new ColumnGuess(
          table,
          column,
          header,
          chosen,
          "as you mapped \"" + header.strip() + "\" at your last upload");
    }
    if (words.isEmpty()) {
      return new ColumnGuess(table, column, header, ColumnRole.IGNORED, "the column has no header");
    }
    for (Rule rule : RULES) {
      for (String word : rule.words()) {
        if (words.contains(word)) {
          return new ColumnGuess(
              table, column, header, rule.role(), "the header says \"" + word + "\"");
        }
      }
    }
    return new ColumnGuess(
        table, column, header, ColumnRole.IGNORED, "no header word this reader knows");
  }

  /** A header as it is matched and remembered: lower case, single spaces. */
  static String key(String header) {
    return header == null ? "" : header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
