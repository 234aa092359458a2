package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * The start row as a pod restart sees it ({@code start.json}, from {@code ServiceStartBench}): each
 * service restarted alone with the rest of the stack up, the median time from exec to its first
 * healthy answer; the all-together figure stays in its own row.
 */
final class StartAlone {

  private StartAlone() {}

  static TargetRow row(JsonNode start) {
    double slowest = 0;
    StringBuilder each = new StringBuilder();
    for (var it = start.path("alone").fields(); it.hasNext(); ) {
      var service = it.next();
      double ms = service.getValue().path("healthyMs").asDouble();
      slowest = Math.max(slowest, ms);
      each.append(String.format("%s %.2f s, ", service.getKey(), ms / 1000));
    }
    String cds = start.path("classDataSharing").asText("");
    return new TargetRow(
        "each service: start (restarted alone, the rest up)",
        "≤ 2 s",
        String.format(
            "median of %d starts, exec to first healthy answer%s: %s",
            start.path("startsPerService").asInt(),
            cds.isEmpty() || "null".equals(cds) ? "" : " (class data sharing)",
            each.toString().replaceAll(", $", "")),
        start.path("alone").isEmpty() ? Verdict.NOT_MEASURED_YET : Verdict.of(slowest <= 2000));
  }
}
