package org.improvementhub.bench.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of a Gatling run's figures (a named request, or all of them): counts, response-time
 * percentiles in milliseconds (Gatling's own, whole milliseconds) and mean requests per second.
 */
public record LoadFigures(
    String name,
    long total,
    long failed,
    double p50,
    double p75,
    double p95,
    double p99,
    double max,
    double mean,
    double perSecond) {

  /**
   * From a {@code stats} object of Gatling's {@code js/stats.json}; {@code percentiles1..4} are 50,
   * 75, 95 and 99 (Gatling's defaults, which the load module does not change).
   */
  public static LoadFigures fromGatlingStats(JsonNode stats) {
    return new LoadFigures(
        stats.path("name").asText(),
        stats.path("numberOfRequests").path("total").asLong(),
        stats.path("numberOfRequests").path("ko").asLong(),
        total(stats, "percentiles1"),
        total(stats, "percentiles2"),
        total(stats, "percentiles3"),
        total(stats, "percentiles4"),
        total(stats, "maxResponseTime"),
        total(stats, "meanResponseTime"),
        total(stats, "meanNumberOfRequestsPerSecond"));
  }

  /**
   * The same figures with the rate taken over {@code seconds}: Gatling's own rate is over the whole
   * simulation, so a group that ran for part of it (the soak after its warm-up) needs its own.
   */
  public LoadFigures over(long seconds) {
    return new LoadFigures(
        name, total, failed, p50, p75, p95, p99, max, mean, (double) total / seconds);
  }

  private static double total(JsonNode stats, String field) {
    JsonNode value = stats.path(field).path("total");
    return value.isNumber() ? value.asDouble() : Double.NaN;
  }

  public String summary() {
    return String.format(
        "%-28s n=%-7d errors=%-5d p50=%4.0f  p95=%5.0f  p99=%5.0f  max=%6.0f ms  %6.1f req/s",
        name, total, failed, p50, p95, p99, max, perSecond);
  }
}
