package org.improvementhub.portal.onboarding;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.Choice;
import org.improvementhub.portal.page.DateInput;
import org.improvementhub.portal.page.FormErrors;

/**
 * The programme settings a Word plan cannot give (or gives only a guess of), set on the preview
 * before confirming: the programme's name, what triggered it and when, its Improvement Board and
 * the names of its plan's levels. Sent as the plans API's confirm {@code settings}, in the plan
 * template's own setting names.
 */
final class ProgrammeSettings {

  /** What can trigger a programme, as the plans API names them. */
  static final List<Choice> TRIGGERS =
      List.of(
          Choice.of("OFSTED_INSPECTION", "An Ofsted inspection"),
          Choice.of("IMPROVEMENT_NOTICE", "An Improvement Notice"),
          Choice.of("PEER_REVIEW", "A peer review"),
          Choice.of("OTHER", "Something else"));

  private ProgrammeSettings() {}

  /** The settings the plans API proposes, as the form's fields. */
  @SuppressWarnings("unchecked")
  static Map<String, String> proposed(Object programme) {
    Map<String, Object> settings =
        programme instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    Map<String, String> form = new HashMap<>();
    form.put("name", ProposedRow.text(settings.get("name")));
    form.put("trigger-kind", ProposedRow.text(settings.getOrDefault("trigger_kind", "OTHER")));
    form.put("improvement-board", ProposedRow.text(settings.get("improvement_board")));
    form.put("level-names", ProposedRow.text(settings.get("level_names")));
    DateInput.fill(form, "trigger-date", settings.get("trigger_date"));
    return form;
  }

  /** The settings from the form, checked; problems go to {@code errors} by field. */
  static Map<String, String> from(Map<String, String> form, FormErrors errors) {
    Map<String, String> settings = new LinkedHashMap<>();
    String name = form.getOrDefault("name", "").strip();
    if (name.isEmpty()) {
      errors.add("name", "name", "Enter the programme's name");
    } else if (name.length() > 300) {
      errors.add("name", "name", "The programme's name must be 300 characters or fewer");
    } else {
      settings.put("name", name);
    }
    String trigger = form.getOrDefault("trigger-kind", "OTHER");
    if (TRIGGERS.stream().noneMatch(c -> c.value().equals(trigger))) {
      errors.add("trigger-kind", "trigger-kind", "Select what triggered the programme");
    } else {
      settings.put("trigger_kind", trigger);
    }
    LocalDate date =
        DateInput.from(form, "trigger-date", "Date of the inspection or notice")
            .check(
                errors,
                trigger.equals("OFSTED_INSPECTION") || trigger.equals("IMPROVEMENT_NOTICE"));
    if (date != null) {
      settings.put("trigger_date", date.toString());
    }
    String board = form.getOrDefault("improvement-board", "").strip();
    if (board.length() > 300) {
      errors.add(
          "improvement-board",
          "improvement-board",
          "The board's name must be 300 characters or fewer");
    } else if (!board.isEmpty()) {
      settings.put("improvement_board", board);
    }
    String levels = form.getOrDefault("level-names", "").strip();
    List<String> names =
        java.util.Arrays.stream(levels.split(";"))
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    if (names.isEmpty() || names.size() > 4) {
      errors.add(
          "level-names",
          "level-names",
          "Enter between 1 and 4 level names separated by semicolons, such as Theme; Action");
    } else {
      settings.put("level_names", String.join("; ", names));
    }
    return settings;
  }
}
