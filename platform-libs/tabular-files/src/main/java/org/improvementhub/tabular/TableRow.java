package org.improvementhub.tabular;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * One data row of a file as text, keyed by lower-case column name, with its row number as a
 * spreadsheet shows it (the header is row 1, so the first data row is row 2).
 */
public record TableRow(int row, Map<String, String> cells) {

  /** The cell's text without surrounding spaces, or null when empty. */
  @Nullable
  public String cell(String column) {
    String text = cells.get(column);
    return text == null || text.isBlank() ? null : text.strip();
  }

  public boolean isBlank() {
    return cells.values().stream().allMatch(text -> text == null || text.isBlank());
  }
}
