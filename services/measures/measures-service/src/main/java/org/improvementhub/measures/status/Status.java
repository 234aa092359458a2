package org.improvementhub.measures.status;

/** How a period's value stands against the target in force for it. */
public enum Status {
  /** The target is met; a value exactly at the target meets it. */
  GREEN,
  /** The target is missed by no more than the measure's tolerance. */
  AMBER,
  /** The target is missed by more than the tolerance. */
  RED,
  /** No target applies to the period yet, so the value cannot be judged. */
  GREY
}
