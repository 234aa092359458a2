package org.improvementhub.plans.action;

/** The five-level status councils report actions by. */
public enum RagStatus {
  /** Complete. */
  BLUE,
  /** On track. */
  GREEN,
  /** Off track, with a recovery plan. */
  AMBER,
  /** Needs Improvement Board attention. */
  RED,
  /** Not yet due to start. */
  GREY;

  public boolean isComplete() {
    return this == BLUE;
  }
}
