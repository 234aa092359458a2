package org.improvementhub.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cost measured at several numbers of councils (e.g. provisioning p95 at 10, 50, 153 and 500)
 * and how it grows: the exponent k of cost ≈ a·councils^k, the least-squares slope of log(cost)
 * against log(councils). Flat is k < 0.25, linear k ≤ 1.25 (what a cost that does the same work
 * once per council shows, with noise); anything above grows worse than linear.
 */
record GrowthCost(String name, String unit, String expected, TreeMap<Integer, Double> points) {

  static final double FLAT_BELOW = 0.25;
  static final double LINEAR_UP_TO = 1.25;

  /** From {councils → cost}; points that were not measured (NaN, zero or less) are left out. */
  static GrowthCost of(String name, String unit, String expected, Map<Integer, Double> measured) {
    TreeMap<Integer, Double> points = new TreeMap<>();
    measured.forEach(
        (councils, cost) -> {
          if (cost != null && !cost.isNaN() && cost > 0) {
            points.put(councils, cost);
          }
        });
    return new GrowthCost(name, unit, expected, points);
  }

  /** The fitted exponent, or NaN with fewer than two sizes. */
  double exponent() {
    if (points.size() < 2) {
      return Double.NaN;
    }
    List<double[]> xy = new ArrayList<>();
    points.forEach((n, cost) -> xy.add(new double[] {Math.log(n), Math.log(cost)}));
    double mx = xy.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double my = xy.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : xy) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxy / sxx;
  }

  /** "flat", "linear" or "worse than linear"; "not measured yet" with fewer than two sizes. */
  String growth() {
    double k = exponent();
    if (Double.isNaN(k)) {
      return "not measured yet";
    }
    return k < FLAT_BELOW ? "flat" : k <= LINEAR_UP_TO ? "linear" : "worse than linear";
  }

  /** The points as "10: 120 ms, 50: 130 ms". */
  String describe() {
    StringBuilder out = new StringBuilder();
    points.forEach(
        (n, cost) ->
            out.append(n)
                .append(" councils: ")
                .append(cost >= 100 ? String.format("%.0f", cost) : String.format("%.3g", cost))
                .append(' ')
                .append(unit)
                .append(", "));
    return out.toString().replaceAll(", $", "");
  }
}
