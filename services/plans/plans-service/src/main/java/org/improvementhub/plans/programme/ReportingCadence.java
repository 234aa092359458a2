package org.improvementhub.plans.programme;

/** How often actions report progress to the Improvement Board. */
public enum ReportingCadence {
  MONTHLY(1),
  QUARTERLY(3);

  private final int months;

  ReportingCadence(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
