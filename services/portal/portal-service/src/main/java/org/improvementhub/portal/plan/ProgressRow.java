package org.improvementhub.portal.plan;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.portal.PortalClock;
import org.improvementhub.portal.page.RagStatus;

/** One progress report in the action's history, newest first. */
public record ProgressRow(String period, RagStatus rag, String note, String by, String at) {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(PortalClock.UK);

  static List<ProgressRow> all(List<Map<String, Object>> reports) {
    return reports.stream()
        .sorted(
            Comparator.comparing(
                    (Map<String, Object> r) -> Instant.parse(String.valueOf(r.get("reportedAt"))))
                .reversed())
        .map(
            r ->
                new ProgressRow(
                    String.valueOf(r.get("period")),
                    RagStatus.of(r.get("ragStatus")),
                    r.get("note") == null ? "" : String.valueOf(r.get("note")),
                    String.valueOf(r.get("reportedBy")),
                    when(r.get("reportedAt"))))
        .toList();
  }

  static String when(Object instant) {
    if (instant == null) {
      return "";
    }
    // GOV.UK style writes times as 3:15pm
    return WHEN.format(Instant.parse(String.valueOf(instant)))
        .replace("AM", "am")
        .replace("PM", "pm");
  }
}
