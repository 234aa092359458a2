package org.improvementhub.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.improvementhub.localstack.ServiceProcess;

/**
 * Each service's resident memory every few seconds while the load runs, so that the bench can say
 * whether it levels off (the slope over the last part of the run) and how high it went.
 */
public final class MemoryTrace implements AutoCloseable {

  /** One reading: seconds since the trace began, resident MB. */
  public record Point(double seconds, double rssMb) {}

  private final Map<String, List<Point>> points = new LinkedHashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "memory-trace");
            t.setDaemon(true);
            return t;
          });
  private final long began = System.nanoTime();

  private MemoryTrace() {}

  public static MemoryTrace every(int seconds, Map<String, ServiceProcess> services) {
    MemoryTrace trace = new MemoryTrace();
    services.keySet().forEach(name -> trace.points.put(name, new ArrayList<>()));
    trace.sampler.scheduleAtFixedRate(() -> trace.sample(services), 0, seconds, TimeUnit.SECONDS);
    return trace;
  }

  private synchronized void sample(Map<String, ServiceProcess> services) {
    double at = (System.nanoTime() - began) / 1e9;
    services.forEach(
        (name, process) -> points.get(name).add(new Point(at, ServiceMemory.rssMb(process.pid()))));
  }

  public synchronized Map<String, List<Point>> points() {
    Map<String, List<Point>> copy = new LinkedHashMap<>();
    points.forEach((name, list) -> copy.put(name, List.copyOf(list)));
    return copy;
  }

  /** The highest resident memory seen per service. */
  public synchronized Map<String, Double> peakMb() {
    Map<String, Double> peak = new LinkedHashMap<>();
    points.forEach(
        (name, list) ->
            peak.put(
                name,
                list.stream()
                    .mapToDouble(Point::rssMb)
                    .filter(v -> !Double.isNaN(v))
                    .max()
                    .orElse(Double.NaN)));
    return peak;
  }

  /**
   * The least-squares slope of resident memory, in MB per minute, over the readings of the last
   * {@code fraction} of the run (the first part is the JIT and the pools filling up).
   */
  public synchronized Map<String, Double> slopeMbPerMinute(double fraction) {
    Map<String, Double> slopes = new LinkedHashMap<>();
    points.forEach((name, list) -> slopes.put(name, slope(tail(list, fraction))));
    return slopes;
  }

  static List<Point> tail(List<Point> list, double fraction) {
    if (list.isEmpty()) {
      return list;
    }
    double end = list.get(list.size() - 1).seconds();
    double from = end - (end - list.get(0).seconds()) * fraction;
    return list.stream().filter(p -> p.seconds() >= from && !Double.isNaN(p.rssMb())).toList();
  }

  static double slope(List<Point> points) {
    int n = points.size();
    if (n < 3) {
      return Double.NaN;
    }
    double mx = points.stream().mapToDouble(Point::seconds).average().orElseThrow();
    double my = points.stream().mapToDouble(Point::rssMb).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (Point p : points) {
      num += (p.seconds() - mx) * (p.rssMb() - my);
      den += (p.seconds() - mx) * (p.seconds() - mx);
    }
    return den == 0 ? Double.NaN : num / den * 60;
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
