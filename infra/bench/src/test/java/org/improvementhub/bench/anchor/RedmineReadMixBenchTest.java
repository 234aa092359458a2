package org.improvementhub.bench.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedmineReadMixBenchTest {

  @TempDir Path report;

  private static String stats(
      String name, String type, long total, long ko, double p99, double rps) {
    return ("{\"type\":\"%s\",\"name\":\"%s\",\"stats\":{\"name\":\"%s\","
            + "\"numberOfRequests\":{\"total\":%d,\"ok\":%d,\"ko\":%d},"
            + "\"percentiles1\":{\"total\":1},\"percentiles2\":{\"total\":1},"
            + "\"percentiles3\":{\"total\":1},\"percentiles4\":{\"total\":%s},"
            + "\"maxResponseTime\":{\"total\":1},\"meanResponseTime\":{\"total\":1},"
            + "\"meanNumberOfRequestsPerSecond\":{\"total\":%s}}")
        .formatted(type, name, name, total, total - ko, ko, p99, rps);
  }

  @Test
  void aWholePlanIsOneOperationAndItsPagesAreNotCountedAsOperations() throws Exception {
    // Gatling's js/stats.json: the plan tree is a group holding its pages
    String json =
        stats("All Requests", "GROUP", 45, 0, 900, 1.5)
            + ",\"contents\":{"
            + "\"g\":"
            + stats("plan tree", "GROUP", 5, 1, 800, 0.1)
            + ",\"contents\":{\"p\":"
            + stats("plan tree page", "REQUEST", 35, 0, 200, 1.1)
            + "}}},"
            + "\"l\":"
            + stats("action list of 100", "REQUEST", 6, 0, 300, 0.2)
            + "},"
            + "\"i\":"
            + stats("one action", "REQUEST", 4, 0, 50, 0.2)
            + "}}}";
    Files.createDirectories(report.resolve("js"));
    Files.writeString(report.resolve("js/stats.json"), json);

    Map<String, Object> figures = RedmineReadMixBench.figures(report, 2, 10);

    // 5 plans + 6 lists + 4 issues answered of the 20 arrivals asked (2/s for 10 s)
    assertThat(figures.get("operations")).isEqualTo(15L);
    assertThat(figures.get("failed")).isEqualTo(1L);
    assertThat(figures.get("unanswered")).isEqualTo(5L);
    // the failed plan does not count: 0.1 × 4/5 + 0.2 + 0.2
    assertThat((double) figures.get("operationsPerSecond")).isEqualTo(0.48, within());
    // the plan's p99, not a page's
    assertThat(figures.get("worstP99")).isEqualTo(800.0);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
