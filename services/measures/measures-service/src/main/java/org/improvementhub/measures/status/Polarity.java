package org.improvementhub.measures.measure;

/** Which direction of a measure is improvement: it decides status and trend. */
public enum Polarity {
  /** "Single assessments completed within 45 working days". */
  HIGHER_IS_BETTER,
  /** "Children subject of a child protection plan for a second or subsequent time". */
  LOWER_IS_BETTER
}
