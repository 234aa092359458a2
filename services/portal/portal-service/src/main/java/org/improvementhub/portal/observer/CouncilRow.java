package org.improvementhub.portal.observer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.portal.PortalClock;
import org.improvementhub.portal.page.RagStatus;

/** One council in the side-by-side table, from the oversight service's summary. */
public record CouncilRow(
    String slug,
    String name,
    String status,
    long total,
    Map<RagStatus, Long> counts,
    long overdue,
    long dueNext30Days,
    String lastUpdate) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(PortalClock.UK);

  static CouncilRow of(Map<String, Object> summary) {
    Map<RagStatus, Long> counts = new java.util.EnumMap<>(RagStatus.class);
    RagStatus.all().forEach(status -> counts.put(status, 0L));
    if (summary.get("rag") instanceof List<?> rag) {
      for (Object entry : rag) {
        if (entry instanceof Map<?, ?> count && RagStatus.of(count.get("status")) != null) {
          counts.put(RagStatus.of(count.get("status")), number(count.get("count")));
        }
      }
    }
    Object last = summary.get("lastUpdate");
    return new CouncilRow(
        String.valueOf(summary.get("council")),
        String.valueOf(summary.get("name")),
        String.valueOf(summary.get("status")),
        number(summary.get("totalActions")),
        counts,
        number(summary.get("overdue")),
        number(summary.get("dueNext30Days")),
        last == null ? "No updates yet" : WHEN.format(Instant.parse(String.valueOf(last))));
  }

  public long count(RagStatus status) {
    return counts.getOrDefault(status, 0L);
  }

  public String statusText() {
    return status.isEmpty() ? "" : status.charAt(0) + status.substring(1).toLowerCase(Locale.UK);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : 0L;
  }
}
