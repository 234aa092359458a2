package org.improvementhub.faults;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.localstack.HubService;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * The notifications service's own measure of the interval in which a crash sends an email twice
 * ({@code hub.notifications.emails.completion-window}: from an email's final "." to its record's
 * COMMIT acknowledged), read from its {@code /prometheus} just before each kill (the kill ends the
 * process and its figures) and added up over the runs.
 */
final class CompletionWindows {

  private static final String NAME = "hub_notifications_emails_completion_window_seconds";
  private static final Pattern LINE =
      Pattern.compile(
          "^" + NAME + "_(bucket|count|sum|max)(?:\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

  private long emails;
  private double sumSeconds;
  private double maxSeconds;
  private final TreeMap<Double, Long> atMost = new TreeMap<>();

  /** One process's figures, as its {@code /prometheus} showed them. */
  record Scrape(long emails, double sumSeconds, double maxSeconds, Map<Double, Long> atMost) {

    static final Scrape NONE = new Scrape(0, 0, 0, Map.of());

    double meanMicros() {
      return emails == 0 ? 0 : sumSeconds / emails * 1e6;
    }
  }

  /** What notifications has measured since it started; nothing if it does not answer. */
  static Scrape read(FaultStack stack) {
    try {
      HubApi api = stack.api(HubService.NOTIFICATIONS);
      ApiResponse response =
          api.send(api.request("/prometheus", null).setHeader("Accept", "text/plain"));
      return response.status() == 200 ? parse(response.body()) : Scrape.NONE;
    } catch (RuntimeException unreachable) {
      // the figures are a diagnosis: a run goes on without them
      return Scrape.NONE;
    }
  }

  static Scrape parse(String scrape) {
    long count = 0;
    double sum = 0;
    double max = 0;
    Map<Double, Long> buckets = new TreeMap<>();
    Matcher line = LINE.matcher(scrape);
    while (line.find()) {
      double value = Double.parseDouble(line.group(3));
      switch (line.group(1)) {
        case "count" -> count = (long) value;
        case "sum" -> sum = value;
        case "max" -> max = value;
        default -> {
          Matcher le = LE.matcher(line.group(2) == null ? "" : line.group(2));
          if (le.find() && !le.group(1).equals("+Inf")) {
            buckets.put(Double.parseDouble(le.group(1)), (long) value);
          }
        }
      }
    }
    return new Scrape(count, sum, max, buckets);
  }

  synchronized void add(Scrape scrape) {
    emails += scrape.emails();
    sumSeconds += scrape.sumSeconds();
    maxSeconds = Math.max(maxSeconds, scrape.maxSeconds());
    scrape.atMost().forEach((le, count) -> atMost.merge(le, count, Long::sum));
  }

  synchronized long emails() {
    return emails;
  }

  synchronized double meanMicros() {
    return emails == 0 ? 0 : sumSeconds / emails * 1e6;
  }

  synchronized double maxMicros() {
    return maxSeconds * 1e6;
  }

  /**
   * The bucket bound under which at least {@code quantile} of the emails' intervals fell, in µs (an
   * upper bound of the quantile); the largest measured if no bucket holds that many.
   */
  synchronized double quantileMicros(double quantile) {
    for (Map.Entry<Double, Long> bucket : atMost.entrySet()) {
      if (bucket.getValue() >= quantile * emails) {
        return bucket.getKey() * 1e6;
      }
    }
    return maxMicros();
  }

  /** How many emails' intervals were longer than {@code micros} (to the nearest bucket above). */
  synchronized long longerThan(double micros) {
    Map.Entry<Double, Long> bucket = atMost.ceilingEntry(micros / 1e6);
    return bucket == null ? 0 : emails - bucket.getValue();
  }

  @Override
  public synchronized String toString() {
    return String.format(
        Locale.ROOT,
        "%d emails, mean %.0f µs, p50 ≤ %.0f µs, p99 ≤ %.0f µs, p99.9 ≤ %.0f µs, max %.0f µs;"
            + " %d over 1 ms, %d over 10 ms",
        emails,
        meanMicros(),
        quantileMicros(0.5),
        quantileMicros(0.99),
        quantileMicros(0.999),
        maxMicros(),
        longerThan(1000),
        longerThan(10_000));
  }
}
