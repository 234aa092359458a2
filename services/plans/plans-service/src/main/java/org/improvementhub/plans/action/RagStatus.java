package org.improvementhub.plans.action;

/** The five-level status councils report actions by. */
public enum RagStatus {
  /** Complete. */
  BLUE("Complete"),
  /** On track. */
  GREEN("On track"),
  /** Off track, with a recovery plan. */
  AMBER("Off track, with a recovery plan in place"),
  /** Needs Improvement Board attention. */
  RED("Off track, needs Improvement Board attention"),
  /** Not yet due to start. */
  GREY("Not yet due to start");

  private final String standardDescription;

  RagStatus(String standardDescription) {
    this.standardDescription = standardDescription;
  }

  /** The wording used unless the council gives its own. */
  public String standardDescription() {
    return standardDescription;
  }

  public boolean isComplete() {
    return this == BLUE;
  }
}
