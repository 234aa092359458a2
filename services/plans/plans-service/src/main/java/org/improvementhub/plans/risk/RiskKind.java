package org.improvementhub.plans.risk;

/** A risk (may happen: scored) or an issue (has happened). */
public enum RiskKind {
  RISK,
  ISSUE
}
