package org.improvementhub.plans.documents;

/**
 * Where a value came from in the document: a table cell (table, row and column numbered from 1 as a
 * reader counts them, with the column's header) or, when {@code table} is 0, paragraph {@code row}
 * of the text around the tables.
 */
public record Origin(int table, int row, int column, String header) {

  static Origin paragraph(int paragraph) {
    return new Origin(0, paragraph, 0, "");
  }

  /** As a programme manager would look for it: {@code table 2, row 5, column "By when"}. */
  public String describe() {
    if (table == 0) {
      return "paragraph " + row;
    }
    return column == 0
        ? "table " + table + ", row " + row
        : "table " + table + ", row " + row + ", column \"" + header + "\"";
  }
}
