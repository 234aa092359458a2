package org.improvementhub.portal.transfer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem the plans API found in a file, as the page's table shows it: the row a spreadsheet
 * shows (the header is row 1), the column, and what is wrong. A problem with the file as a whole
 * (no rows, a missing column) has no row.
 */
public record RowError(String row, String column, String message) {

  private static final Pattern CELL = Pattern.compile("^rows\\[(\\d+)]\\.(.+)$");

  /** From the API's field name, {@code rows[12].due_date}, and its message. */
  static RowError of(String field, String message) {
    Matcher cell = CELL.matcher(field);
    if (cell.matches()) {
      return new RowError(cell.group(1), cell.group(2), message);
    }
    if (field.startsWith("rows[")) {
      int close = field.indexOf(']');
      return new RowError(field.substring(5, Math.max(5, close)), "", message);
    }
    return new RowError("", "file".equals(field) ? "" : field, message);
  }

  /** The sentence the error summary shows: where, then what. */
  public String summary() {
    String where =
        row.isEmpty()
            ? (column.isEmpty()
                ? "The file"
                : column.startsWith("programme.")
                    ? "Programme setting " + column.substring("programme.".length())
                    : "Column " + column)
            : "Row " + row + (column.isEmpty() ? "" : ", " + column);
    return where + ": " + message;
  }
}
