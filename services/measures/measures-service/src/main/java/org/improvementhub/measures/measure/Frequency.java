package org.improvementhub.measures.measure;

import java.time.YearMonth;

/** How often a council reports a measure, and so which months a value may be filed under. */
public enum Frequency {
  MONTHLY("any month"),
  /** Filed under the quarter's last month, so quarters line up with the financial year's. */
  QUARTERLY("the last month of a quarter: March, June, September or December");

  private final String periods;

  Frequency(String periods) {
    this.periods = periods;
  }

  public boolean reportsIn(YearMonth period) {
    return this == MONTHLY || period.getMonthValue() % 3 == 0;
  }

  /** The period reported before {@code period}: the month before, or the quarter before. */
  public YearMonth previous(YearMonth period) {
    return this == MONTHLY ? period.minusMonths(1) : period.minusMonths(3);
  }

  /** Which months a value may be filed under, in words for a caller who chose another. */
  public String periods() {
    return periods;
  }
}
