package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * Issue 13's growth rows: each cost at 10, 50, 153 and 500 councils, from the older benches' JSON
 * that {@code run-all.sh} (with {@code BENCH_GROWTH}) leaves in {@code
 * growth/<bench>-<councils>.json}, with the fitted exponent, a verdict (flat, linear or worse) and
 * a log–log chart per cost.
 */
final class Growth {

  /** The sizes the issue asks for: a growth row counts only when all of them were measured. */
  static final List<Integer> SIZES = List.of(10, 50, 153, 500);

  private static final Pattern FILE = Pattern.compile("([a-z]+)-(\\d+)\\.json");

  private final Path folder;
  private final Map<String, TreeMap<Integer, JsonNode>> byBench = new java.util.HashMap<>();

  private Growth(Path folder) {
    this.folder = folder;
  }

  static Growth in(Path folder) throws IOException {
    Growth growth = new Growth(folder);
    Path dir = folder.resolve("growth");
    if (Files.isDirectory(dir)) {
      ObjectMapper json = new ObjectMapper();
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.sorted().toList()) {
          Matcher m = FILE.matcher(file.getFileName().toString());
          if (m.matches()) {
            growth
                .byBench
                .computeIfAbsent(m.group(1), b -> new TreeMap<>())
                .put(Integer.parseInt(m.group(2)), json.readTree(file.toFile()));
          }
        }
      }
    }
    return growth;
  }

  /** The five costs the issue names, each from its bench's figures at every size measured. */
  List<GrowthCost> costs() {
    return List.of(
        cost(
            "provisioning one council (p95)",
            "ms",
            "flat",
            "foundation",
            f -> f.path("provisioningMs").path("p95").asDouble(Double.NaN)),
        // from the foundation bench at every size: it restarts the three services that check
        // council schemas (plans, measures, notifications) on the councils it provisioned, so
        // the growth runs need not migrate every schema from nothing again (the startup bench)
        cost(
            "start-up migration check (slowest service)",
            "ms",
            "linear",
            "foundation",
            Growth::slowestCheck),
        cost(
            "observer dashboard (p95, one reader)",
            "ms",
            "linear",
            "oversight",
            f -> f.path("dashboardAloneMs").path("p95").asDouble(Double.NaN)),
        cost(
            "overdue scan (scan → last email queued; BENCH_GROWTH_OVERDUE per council)",
            "s",
            "linear",
            "notifications",
            f -> f.path("scanToLastQueuedSeconds").asDouble(Double.NaN)),
        cost(
            "emails (scan → last accepted by SMTP; BENCH_GROWTH_OVERDUE per council)",
            "s",
            "linear",
            "notifications",
            f -> f.path("scanToLastAcceptedSeconds").asDouble(Double.NaN)));
  }

  private GrowthCost cost(
      String name, String unit, String expected, String bench, ToDoubleFunction<JsonNode> figure) {
    Map<Integer, Double> points = new TreeMap<>();
    byBench
        .getOrDefault(bench, new TreeMap<>())
        .forEach((councils, f) -> points.put(councils, figure.applyAsDouble(f)));
    return GrowthCost.of(name, unit, expected, points);
  }

  private static double slowestCheck(JsonNode foundation) {
    double slowest = Double.NaN;
    for (JsonNode service : foundation.path("startupMigrationCheck")) {
      if (service.has("ms")) {
        double ms = service.path("ms").asDouble();
        slowest = Double.isNaN(slowest) ? ms : Math.max(slowest, ms);
      }
    }
    return slowest;
  }

  /** Emails received twice at any size (the issue's "none twice" at every size). */
  long duplicates() {
    return byBench.getOrDefault("notifications", new TreeMap<>()).values().stream()
        .mapToLong(f -> f.path("duplicates").asLong() + f.path("recipientsEmailedTwice").asLong())
        .sum();
  }

  /** One row per cost; a row counts only when every size of the issue was measured. */
  List<TargetRow> rows(ObjectNode figures) throws IOException {
    List<TargetRow> rows = new ArrayList<>();
    ObjectNode node = figures.putObject("growth");
    for (GrowthCost cost : costs()) {
      String measure = "growth: " + cost.name() + " at 10, 50, 153 and 500 councils";
      String target = "flat or linear (worse than linear is fixed)";
      ObjectNode c = node.putObject(cost.name());
      ObjectNode points = c.putObject("points");
      cost.points().forEach((n, v) -> points.put(String.valueOf(n), v));
      if (cost.points().isEmpty()) {
        rows.add(
            TargetRow.notMeasuredYet(
                measure, target, "not run (run-all.sh with BENCH_GROWTH=10,50,153,500)"));
        continue;
      }
      double k = cost.exponent();
      c.put("exponent", k).put("growth", cost.growth()).put("expected", cost.expected());
      String chart = chartName(cost);
      if (cost.points().size() >= 2) {
        GrowthCharts.costAgainstCouncils(cost, folder.resolve(chart));
      }
      boolean emails = cost.name().startsWith("emails");
      String measured =
          String.format(
              "%s; %s%s%s",
              cost.describe(),
              Double.isNaN(k)
                  ? "one size only"
                  : String.format(
                      "exponent %.2f: %s (expected %s)", k, cost.growth(), cost.expected()),
              emails ? String.format("; %d emails twice over all sizes", duplicates()) : "",
              cost.points().size() >= 2 ? " ([chart](" + chart + "))" : "");
      boolean allSizes = cost.points().keySet().containsAll(SIZES);
      boolean met = !"worse than linear".equals(cost.growth()) && (!emails || duplicates() == 0);
      rows.add(
          allSizes
              ? new TargetRow(measure, target, measured, Verdict.of(met))
              : new TargetRow(
                  measure,
                  target,
                  measured + " (not every size of 10, 50, 153, 500)",
                  !met ? Verdict.NOT_MET : Verdict.NOT_MEASURED_YET));
    }
    return rows;
  }

  static String chartName(GrowthCost cost) {
    return "growth-"
        + cost.name().replaceAll(" \\(.*", "").replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "")
        + ".png";
  }
}
