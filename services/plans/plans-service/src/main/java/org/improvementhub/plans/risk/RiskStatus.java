package org.improvementhub.plans.risk;

/** Where a risk or issue stands. */
public enum RiskStatus {
  OPEN,
  MONITORING,
  CLOSED
}
