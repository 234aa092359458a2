package org.improvementhub.portal.transfer;

import java.time.Instant;
import java.util.Locale;

/**
 * An uploaded plan file: its name as the person's computer gave it, its bytes and the media type
 * the plans API reads it as.
 *
 * @param owner the session that uploaded it (empty until kept)
 */
public record PlanFile(
    String council, String name, String mediaType, byte[] content, String owner, Instant keptAt) {

  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** A file named {@code name}: XLSX by its extension, otherwise CSV; null for another kind. */
  static PlanFile of(String council, String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    String type;
    if (lower.endsWith(".xlsx")) {
      type = XLSX;
    } else if (lower.endsWith(".csv")) {
      type = CSV;
    } else {
      return null;
    }
    return new PlanFile(council, name, type, content, "", Instant.EPOCH);
  }

  PlanFile keptFor(String session, Instant at) {
    return new PlanFile(council, name, mediaType, content, session, at);
  }
}
