package org.improvementhub.notifications.schedule;

import java.util.Arrays;

/** The RAG status as a lead reads it in an email: the colour, then what it means. */
enum RagStatus {
  BLUE("Blue (complete)"),
  GREEN("Green (on track)"),
  AMBER("Amber (off track, with a recovery plan)"),
  RED("Red (needs Improvement Board attention)"),
  GREY("Grey (not yet due to start)");

  private final String words;

  RagStatus(String words) {
    this.words = words;
  }

  /** The words for a status code; a code this service does not know yet is shown as it came. */
  static String describe(String code) {
    return Arrays.stream(values())
        .filter(status -> status.name().equalsIgnoreCase(code))
        .findFirst()
        .map(status -> status.words)
        .orElse(code == null ? "Not given" : code);
  }
}
