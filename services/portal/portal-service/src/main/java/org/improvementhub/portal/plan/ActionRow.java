package org.improvementhub.portal.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.portal.page.RagStatus;

/**
 * An action as the portal's tables show it. A withdrawn action (the council no longer pursues it)
 * is listed, marked, and never overdue; which actions are due soon, and the RAG counts, are the
 * plans service's summary's (withdrawn ones left out).
 */
public record ActionRow(
    String id,
    String ref,
    String title,
    String leadName,
    String leadEmail,
    LocalDate due,
    RagStatus rag,
    boolean complete,
    boolean overdue,
    int depth,
    String parentId,
    boolean withdrawn) {

  static final DateTimeFormatter GOV_UK_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @SuppressWarnings("unchecked")
  public static ActionRow of(Map<String, Object> action, LocalDate today) {
    Map<String, Object> lead =
        action.get("lead") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    LocalDate due = date(action.get("effectiveDueDate"));
    if (due == null) {
      due = date(action.get("dueDate"));
    }
    RagStatus rag = RagStatus.of(action.get("ragStatus"));
    boolean withdrawn = action.get("withdrawnOn") != null;
    boolean complete = rag == RagStatus.BLUE || action.get("completedOn") != null;
    boolean open = !complete && !withdrawn;
    String ref = String.valueOf(action.get("ref"));
    return new ActionRow(
        String.valueOf(action.get("id")),
        ref,
        String.valueOf(action.get("title")),
        text(lead.get("name")),
        text(lead.get("email")),
        due,
        rag,
        complete,
        open && due != null && due.isBefore(today),
        (int) ref.chars().filter(c -> c == '.').count(),
        action.get("parentId") == null ? null : String.valueOf(action.get("parentId")),
        withdrawn);
  }

  /**
   * The RAG tag's classes and text, as the {@code fragments :: rag} tag shows them: written out per
   * row here, because inserting a fragment for each of a table's rows was a large part of rendering
   * it.
   */
  public String ragTagClass() {
    return "govuk-tag " + (rag == null ? "govuk-tag--grey" : rag.tagClass());
  }

  public String ragLabel() {
    return rag == null ? "Not reported" : rag.label();
  }

  public String dueText() {
    return due == null ? "" : due.format(GOV_UK_DATE);
  }

  static LocalDate date(Object value) {
    return value == null ? null : LocalDate.parse(String.valueOf(value));
  }

  private static String text(Object value) {
    return value == null ? "" : String.valueOf(value);
  }
}
