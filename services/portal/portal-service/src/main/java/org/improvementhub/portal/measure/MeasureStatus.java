package org.improvementhub.portal.measure;

/**
 * How a measure's latest value stands against its target, as a tag with words (never colour alone):
 * on target, near it (within tolerance), off target, or no target yet.
 */
public enum MeasureStatus {
  GREEN("On target", "govuk-tag--green"),
  AMBER("Near target", "govuk-tag--yellow"),
  RED("Off target", "govuk-tag--red"),
  GREY("No target", "govuk-tag--grey");

  private final String label;
  private final String tagClass;

  MeasureStatus(String label, String tagClass) {
    this.label = label;
    this.tagClass = tagClass;
  }

  static MeasureStatus of(Object code) {
    for (MeasureStatus status : values()) {
      if (status.name().equals(String.valueOf(code))) {
        return status;
      }
    }
    return null;
  }

  public String label() {
    return label;
  }

  public String tagClass() {
    return tagClass;
  }

  public boolean offTarget() {
    return this == RED || this == AMBER;
  }
}
