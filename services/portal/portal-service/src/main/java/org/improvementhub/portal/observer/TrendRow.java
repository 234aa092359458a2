package org.improvementhub.portal.observer;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.portal.page.RagStatus;

/**
 * One reporting period of a council's trend: its RAG counts, and each status's segment of the
 * period's stacked bar (x and width out of {@value #BAR} units).
 */
public record TrendRow(String period, String label, long total, List<Segment> segments) {

  static final int BAR = 480;
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  /** One status's part of the bar. */
  public record Segment(RagStatus status, long count, long x, long width) {}

  public long count(RagStatus status) {
    return segments.stream().filter(s -> s.status() == status).mapToLong(Segment::count).sum();
  }

  /** A period as oversight's trend gives it: {@code period}, {@code totalActions}, {@code rag}. */
  static TrendRow of(Map<String, Object> period) {
    String key = String.valueOf(period.get("period"));
    String label;
    try {
      label = YearMonth.parse(key).format(MONTH);
    } catch (RuntimeException notAMonth) {
      label = key;
    }
    List<Segment> segments = new ArrayList<>();
    long total = period.get("totalActions") instanceof Number number ? number.longValue() : 0L;
    long x = 0;
    for (RagStatus status : RagStatus.all()) {
      long count = 0;
      if (period.get("rag") instanceof List<?> counts) {
        for (Object entry : counts) {
          if (entry instanceof Map<?, ?> rag
              && status.name().equals(rag.get("status"))
              && rag.get("count") instanceof Number n) {
            count = n.longValue();
          }
        }
      }
      long width = total == 0 ? 0 : Math.round((double) count * BAR / total);
      segments.add(new Segment(status, count, x, width));
      x += width;
    }
    return new TrendRow(key, label, total, segments);
  }
}
