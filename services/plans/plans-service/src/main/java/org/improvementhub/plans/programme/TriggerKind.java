package org.improvementhub.plans.programme;

/** What started a council's improvement programme. */
public enum TriggerKind {
  OFSTED_INSPECTION,
  IMPROVEMENT_NOTICE,
  PEER_REVIEW,
  OTHER
}
