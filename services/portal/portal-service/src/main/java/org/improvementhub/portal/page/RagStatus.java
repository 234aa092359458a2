package org.improvementhub.portal.page;

import java.util.Arrays;
import java.util.List;

/**
 * The five RAG statuses as people see them: a GOV.UK tag whose text names the status, so colour is
 * never the only signal.
 */
public enum RagStatus {
  BLUE("Blue", "Complete", "govuk-tag--blue", "#1d70b8"),
  GREEN("Green", "On track", "govuk-tag--green", "#0f7a52"),
  AMBER("Amber", "Off track, with a recovery plan", "govuk-tag--orange", "#f47738"),
  RED("Red", "Off track, needs Improvement Board attention", "govuk-tag--red", "#ca3535"),
  GREY("Grey", "Not yet due to start", "govuk-tag--grey", "#505a5f");

  private final String label;
  private final String meaning;
  private final String tagClass;
  private final String colour;

  RagStatus(String label, String meaning, String tagClass, String colour) {
    this.label = label;
    this.meaning = meaning;
    this.tagClass = tagClass;
    this.colour = colour;
  }

  public static List<RagStatus> all() {
    return Arrays.asList(values());
  }

  /** The status an API named, or null when it named none or an unknown one. */
  public static RagStatus of(Object name) {
    if (name == null) {
      return null;
    }
    for (RagStatus status : values()) {
      if (status.name().equalsIgnoreCase(String.valueOf(name))) {
        return status;
      }
    }
    return null;
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }

  public String tagClass() {
    return tagClass;
  }

  /** The bar colour in the chart; the bar is labelled in text as well. */
  public String colour() {
    return colour;
  }

  public String code() {
    return name();
  }
}
