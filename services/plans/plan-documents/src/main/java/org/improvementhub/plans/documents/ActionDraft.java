package org.improvementhub.plans.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * An action being built from one or more rows: each row's cells are parsed in the council's own
 * formats (dates, leads, RAG words) with the original text kept, and every guess flagged.
 */
final class ActionDraft {
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

  private final List<Flag> flags;

  ActionDraft(String ref, String title, Origin origin, List<Flag> flags) {
    this.ref = ref;
    this.title = title;
    this.origin = origin;
    this.flags = flags;
  }

  /** Takes this action's share of the row's other cells: the index-th of count actions. */
  void fill(TableRow row, RagWords rags, List<String> cited, int index, int count) {
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
                reading.kind(), ref, "due", row.origin(ColumnRole.DUE), dueText, reading.note()));
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

  /**
   * The finished action under its final ref (renumbered if the ref was used before).
   *
   * @param hasStatusColumn whether a table (by number) has a RAG or status column
   */
  ProposedAction toAction(String finalRef, IntPredicate hasStatusColumn) {
    List<String> text = new ArrayList<>(more);
    text.addAll(support);
    String description = text.isEmpty() ? null : String.join("\n", text);
    if (due == null && timescaleText.isBlank()) {
      flags.add(
          new Flag(
              Flag.Kind.MISSING, finalRef, "due", origin, "", "the document gives no due date"));
    }
    if (leads.isEmpty()) {
      flags.add(
          new Flag(Flag.Kind.MISSING, finalRef, "leads", origin, "", "the document names no lead"));
    }
    if (rag == null && statusText.isBlank() && hasStatusColumn.test(origin.table())) {
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
