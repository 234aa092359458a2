package org.improvementhub.measures.status;

/** Which direction of a measure is improvement: it decides status and trend. */
public enum Polarity {
  /** "Single assessments completed within 45 working days": the target is a floor. */
  HIGHER_IS_BETTER,
  /** "Children subject of a child protection plan for a second or subsequent time": a ceiling. */
  LOWER_IS_BETTER,
  /**
   * "Average caseload between 15 and 20": too high overloads social workers, too low wastes them.
   * Each target step gives a lower and an upper bound, both inside the band.
   */
  WITHIN_BAND
}
