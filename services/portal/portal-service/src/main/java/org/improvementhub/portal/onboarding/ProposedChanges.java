package org.improvementhub.portal.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.RagStatus;

/**
 * What a newer version of the council's Word plan changes in its programme, as the changes page
 * shows it: new actions, changed fields (the plan's value, the document's and the cell as written),
 * actions the document no longer lists (each with a keep or withdraw choice) and the progress
 * reports its RAGs and status notes propose. Read from the plans API's {@code diff}.
 */
public record ProposedChanges(
    String period,
    List<NewAction> added,
    List<ChangedField> changed,
    List<DroppedAction> removed,
    List<ProposedReport> progress,
    List<NewItem> addedItems,
    List<ChangedField> changedItems,
    List<NewItem> removedItems) {

  /** An item of the tree the document adds (or, in {@code removedItems}, no longer lists). */
  public record NewItem(String ref, String parentRef, String title, String where) {}

  /** An action the document adds; {@code problem} says why it cannot be added as it is. */
  public record NewAction(
      String ref,
      String parentRef,
      String title,
      String due,
      String leads,
      RagStatus rag,
      String note,
      String where,
      String problem) {}

  /** One field of an action that differs; an action with two changed fields gives two rows. */
  public record ChangedField(
      String ref, String field, String before, String after, String original, String where) {}

  /** An action of the plan the document no longer lists; the form's choice is named by index. */
  public record DroppedAction(int index, String ref, String title) {

    public String id() {
      return "removed-" + index;
    }
  }

  /** A progress report the document proposes for the period. */
  public record ProposedReport(
      String ref, RagStatus before, RagStatus after, String note, String original, String where) {}

  /** The diff of a re-uploaded document's proposal, or null for a document proposing a new plan. */
  @SuppressWarnings("unchecked")
  static ProposedChanges of(Object diff) {
    if (!(diff instanceof Map<?, ?> map)) {
      return null;
    }
    List<NewAction> added = new ArrayList<>();
    for (Map<String, Object> a : list(map.get("added"))) {
      Object leads = a.get("leads");
      added.add(
          new NewAction(
              text(a.get("ref")),
              text(a.get("parentRef")),
              text(a.get("title")),
              text(a.get("dueDate")),
              leads instanceof List<?> names
                  ? String.join(", ", names.stream().map(ProposedChanges::name).toList())
                  : "",
              RagStatus.of(a.get("rag")),
              text(a.get("note")),
              FlaggedCell.where(a.get("origin")),
              text(a.get("problem"))));
    }
    List<ChangedField> changed = new ArrayList<>();
    for (Map<String, Object> c : list(map.get("changed"))) {
      for (Map<String, Object> f : list(c.get("fields"))) {
        changed.add(
            new ChangedField(
                text(c.get("ref")),
                label(text(f.get("field"))),
                text(f.get("before")),
                text(f.get("after")),
                text(f.get("original")),
                FlaggedCell.where(c.get("origin"))));
      }
    }
    List<DroppedAction> removed = new ArrayList<>();
    for (Map<String, Object> r : list(map.get("removed"))) {
      removed.add(new DroppedAction(removed.size(), text(r.get("ref")), text(r.get("title"))));
    }
    List<ProposedReport> progress = new ArrayList<>();
    for (Map<String, Object> p : list(map.get("progress"))) {
      progress.add(
          new ProposedReport(
              text(p.get("ref")),
              RagStatus.of(p.get("ragBefore")),
              RagStatus.of(p.get("rag")),
              text(p.get("note")),
              text(p.get("original")),
              FlaggedCell.where(p.get("origin"))));
    }
    List<NewItem> addedItems = new ArrayList<>();
    for (Map<String, Object> i : list(map.get("addedItems"))) {
      addedItems.add(
          new NewItem(
              text(i.get("ref")),
              text(i.get("parentRef")),
              text(i.get("title")),
              FlaggedCell.where(i.get("origin"))));
    }
    List<ChangedField> changedItems = new ArrayList<>();
    for (Map<String, Object> c : list(map.get("changedItems"))) {
      for (Map<String, Object> f : list(c.get("fields"))) {
        changedItems.add(
            new ChangedField(
                text(c.get("ref")),
                label(text(f.get("field"))),
                text(f.get("before")),
                text(f.get("after")),
                text(f.get("original")),
                FlaggedCell.where(c.get("origin"))));
      }
    }
    List<NewItem> removedItems = new ArrayList<>();
    for (Map<String, Object> i : list(map.get("removedItems"))) {
      removedItems.add(new NewItem(text(i.get("ref")), "", text(i.get("title")), ""));
    }
    return new ProposedChanges(
        text(map.get("period")),
        added,
        changed,
        removed,
        progress,
        addedItems,
        changedItems,
        removedItems);
  }

  /** Whether the document changes nothing in the plan. */
  public boolean none() {
    return added.isEmpty()
        && changed.isEmpty()
        && removed.isEmpty()
        && progress.isEmpty()
        && addedItems.isEmpty()
        && changedItems.isEmpty();
  }

  /** Whether an added action cannot be added as it is, so the whole apply would be refused. */
  public boolean blocked() {
    return added.stream().anyMatch(a -> !a.problem().isEmpty());
  }

  /** How many actions the document changes (a changed action counts once). */
  public long changedActions() {
    return changed.stream().map(ChangedField::ref).distinct().count();
  }

  /** How many items the document adds or changes (a changed item counts once). */
  public long itemChanges() {
    return addedItems.size() + changedItems.stream().map(ChangedField::ref).distinct().count();
  }

  /** The plans API's field names in the users' words. */
  static String label(String field) {
    return switch (field) {
      case "title" -> "Title";
      case "dueDate" -> "Due date";
      case "startDate" -> "Start date";
      case "leads" -> "Leads";
      case "description" -> "Description";
      case "successCriteria" -> "Measures of success";
      case "drivers" -> "Drivers";
      case "owner" -> "Owner";
      default -> field;
    };
  }

  /** A lead as the template writes them ({@code Name <email> (role)}): the name is enough here. */
  private static String name(Object lead) {
    String text = String.valueOf(lead);
    int angle = text.indexOf(" <");
    return angle > 0 ? text.substring(0, angle) : text;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  private static String text(Object value) {
    return ProposedRow.text(value);
  }
}
