package org.improvementhub.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of a list of durations in milliseconds. */
public record Percentiles(List<Double> sortedMillis) {

  public static Percentiles of(List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Percentiles(List.copyOf(sorted));
  }

  public double at(double percentile) {
    if (sortedMillis.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percentile / 100.0 * sortedMillis.size());
    return sortedMillis.get(Math.max(0, Math.min(sortedMillis.size() - 1, rank - 1)));
  }

  public String summary(double... percentiles) {
    StringBuilder out = new StringBuilder();
    for (double p : percentiles) {
      out.append(String.format("p%s=%.0f ms  ", p % 1 == 0 ? String.valueOf((int) p) : p, at(p)));
    }
    return out.append("(n=").append(sortedMillis.size()).append(')').toString();
  }
}
