package org.improvementhub.plans.driver;

/** The timeframe Ofsted gives a recommendation. */
public enum DriverTimeframe {
  IMMEDIATELY,
  WITHIN_3_MONTHS,
  WITHIN_6_MONTHS,
  OTHER
}
