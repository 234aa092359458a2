package org.improvementhub.plans.driver;

/** Where a driver comes from. */
public enum DriverKind {
  OFSTED_RECOMMENDATION,
  IMPROVEMENT_NOTICE,
  PEER_REVIEW,
  OTHER
}
