package org.improvementhub.plans.programme;

import io.micronaut.serde.annotation.Serdeable;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A reporting period: {@code key} is its first month as {@code YYYY-MM}, {@code label} the words
 * councils use ("October 2013", or "October to December 2013" for a quarter).
 */
@Serdeable
public record ReportingPeriod(String key, String label) {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
  private static final DateTimeFormatter MONTH_YEAR =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  static ReportingPeriod starting(YearMonth first, ReportingCadence cadence) {
    if (cadence.months() == 1) {
      return new ReportingPeriod(first.toString(), first.format(MONTH_YEAR));
    }
    YearMonth last = first.plusMonths(cadence.months() - 1L);
    String label =
        first.getYear() == last.getYear()
            ? first.format(MONTH) + " to " + last.format(MONTH_YEAR)
            : first.format(MONTH_YEAR) + " to " + last.format(MONTH_YEAR);
    return new ReportingPeriod(first.toString(), label);
  }
}
