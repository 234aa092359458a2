package org.improvementhub.measures.value;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * One data row of an import file as text, keyed by column name, with its row number as a
 * spreadsheet shows it (the header is row 1, so the first data row is row 2).
 */
public record ImportedRow(int row, Map<String, String> cells) {

  @Nullable
  public String cell(String column) {
    String text = cells.get(column);
    return text == null || text.isBlank() ? null : text.strip();
  }

  public boolean isBlank() {
    return cells.values().stream().allMatch(text -> text == null || text.isBlank());
  }
}
