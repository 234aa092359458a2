package org.improvementhub.plans.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/** One row of an action table, its cells read by what their columns hold (the column mapping). */
final class TableRow {
  final int table;
  final int number;
  final List<XWPFTableCell> cells;
  final List<ColumnGuess> guesses;
  boolean measureTaken;
  boolean seen;

  TableRow(int table, int number, List<XWPFTableCell> cells, List<ColumnGuess> guesses) {
    this.table = table;
    this.number = number;
    this.cells = cells;
    this.guesses = guesses;
  }

  boolean blank() {
    return cells.stream().allMatch(c -> WordText.text(c).isBlank());
  }

  String firstText() {
    return cells.stream().map(WordText::text).filter(t -> !t.isBlank()).findFirst().orElse("");
  }

  String allText() {
    return cells.stream()
        .map(WordText::text)
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
  String share(ColumnRole role, int index, int count, String ref, String field, List<Flag> flags) {
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
