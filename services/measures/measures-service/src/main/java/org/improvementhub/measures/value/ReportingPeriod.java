package org.improvementhub.measures.value;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.improvementhub.web.problem.ProblemException;

/**
 * The month a value is reported for, written {@code YYYY-MM} in URLs and events and stored as the
 * month's first day.
 */
public record ReportingPeriod(YearMonth month) implements Comparable<ReportingPeriod> {

  /** No council has improvement data this old; an earlier year is a typing slip (0224 for 2024). */
  public static final YearMonth EARLIEST = YearMonth.of(2000, 1);

  private static final Pattern WRITTEN = Pattern.compile("^\\d{4}-(0[1-9]|1[0-2])$");

  /**
   * Reads a period from the URL.
   *
   * @throws ProblemException naming {@code period} when it is not a month from {@link #EARLIEST}
   */
  public static ReportingPeriod parse(String written) {
    if (written == null || !WRITTEN.matcher(written).matches()) {
      throw ProblemException.invalidField(
          "period", "must be a month written YYYY-MM, such as 2024-03");
    }
    YearMonth month = YearMonth.parse(written);
    if (month.isBefore(EARLIEST)) {
      throw ProblemException.invalidField("period", "must be no earlier than " + EARLIEST);
    }
    return new ReportingPeriod(month);
  }

  public static ReportingPeriod startingOn(LocalDate firstDay) {
    return new ReportingPeriod(YearMonth.from(firstDay));
  }

  public LocalDate firstDay() {
    return month.atDay(1);
  }

  public boolean isAfter(YearMonth other) {
    return month.isAfter(other);
  }

  @Override
  public int compareTo(ReportingPeriod other) {
    return month.compareTo(other.month);
  }

  /** {@code YYYY-MM}. */
  @Override
  public String toString() {
    return month.toString();
  }
}
