package org.improvementhub.measures.status;

/** Which way a value moved from the previous period's, read in the measure's polarity. */
public enum Trend {
  IMPROVING,
  STABLE,
  DECLINING
}
