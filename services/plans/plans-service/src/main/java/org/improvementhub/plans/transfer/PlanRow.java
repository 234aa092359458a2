package org.improvementhub.plans.transfer;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * One data row of a plan file as text, keyed by lower-case column name, with its row number as a
 * spreadsheet shows it (the header is row 1, so the first data row is row 2).
 */
record PlanRow(int row, Map<String, String> cells) {

  /** The cell's text without surrounding spaces, or null when empty. */
  @Nullable
  String cell(String column) {
    String text = cells.get(column);
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Where a problem with {@code column} of this row is reported: {@code rows[5].due_date}. */
  String at(String column) {
    return "rows[" + row + "]." + column;
  }
}
