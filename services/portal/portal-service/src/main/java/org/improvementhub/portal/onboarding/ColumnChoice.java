package org.improvementhub.portal.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.Choice;

/**
 * One header of the document's action tables and what the proposal took it to hold, with the reason
 * for the guess (shown as the select's hint). A header repeated in a continued table is one choice:
 * the plans API re-maps by header.
 */
public record ColumnChoice(int index, String header, String role, String reason, String tables) {

  /**
   * What a column can hold, as the plans API's {@code ColumnRole} names them, in the users' words.
   */
  static final List<Choice> ROLES =
      List.of(
          Choice.of("REF", "Ref (the action's number)"),
          Choice.of("ACTION", "Action"),
          Choice.of("OBJECTIVE", "Objective or outcome (the level above the actions)"),
          Choice.of("LEAD", "Lead"),
          Choice.of("SUPPORT", "Who else works on it"),
          Choice.of("DUE", "Due date or timescale"),
          Choice.of("STATUS", "RAG or status"),
          Choice.of("REVIEW_NOTE", "Review note or update"),
          Choice.of("DRIVER", "Ofsted or notice reference"),
          Choice.of("MEASURE", "Measure of success"),
          Choice.of("IGNORED", "Not read"));

  static List<ColumnChoice> of(List<Map<String, Object>> mapping) {
    Map<String, List<Map<String, Object>>> byHeader = new LinkedHashMap<>();
    for (Map<String, Object> guess : mapping) {
      byHeader
          .computeIfAbsent(ProposedRow.text(guess.get("header")), h -> new ArrayList<>())
          .add(guess);
    }
    List<ColumnChoice> choices = new ArrayList<>();
    byHeader.forEach(
        (header, guesses) -> {
          Map<String, Object> first = guesses.get(0);
          List<String> tables =
              guesses.stream()
                  .map(g -> String.valueOf(ProposedRow.number(g.get("table"))))
                  .distinct()
                  .toList();
          choices.add(
              new ColumnChoice(
                  choices.size(),
                  header,
                  ProposedRow.text(first.get("role")),
                  ProposedRow.text(first.get("reason")),
                  (tables.size() == 1 ? "table " : "tables ") + String.join(", ", tables)));
        });
    return choices;
  }

  public String id() {
    return "role-" + index;
  }
}
