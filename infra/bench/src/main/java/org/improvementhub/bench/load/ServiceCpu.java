package org.improvementhub.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.improvementhub.localstack.ServiceProcess;

/**
 * The processor time each service has used (user + system, from {@code /proc/<pid>/stat}). Taken
 * before and after a fixed number of requests, it gives the CPU milliseconds a request costs each
 * service: a figure that, unlike latency, hardly moves when other work shares the machine.
 */
public final class ServiceCpu {

  /** Linux reports {@code utime} and {@code stime} in clock ticks of 1/100 s on every platform. */
  private static final double MS_PER_TICK = 10.0;

  private ServiceCpu() {}

  /** Each service's processor time so far, in milliseconds (NaN where it cannot be read). */
  public static Map<String, Double> millis(Map<String, ServiceProcess> services) {
    Map<String, Double> used = new LinkedHashMap<>();
    services.forEach((name, process) -> used.put(name, millis(process.pid())));
    return used;
  }

  /** One process's processor time so far, in milliseconds (NaN where it cannot be read). */
  public static double millis(long pid) {
    return fromStat(stat(pid), false);
  }

  /**
   * One process's processor time so far together with that of its children that have ended and been
   * waited for ({@code cutime + cstime}), in milliseconds (NaN where it cannot be read): what a
   * server that forks a process per connection (PostgreSQL's postmaster) has used in all.
   */
  public static double millisWithEndedChildren(long pid) {
    return fromStat(stat(pid), true);
  }

  private static String stat(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code utime + stime} of one {@code /proc/<pid>/stat} line, in milliseconds. The command name
   * (field 2) may hold spaces, so fields are counted from the closing parenthesis: utime and stime
   * are fields 14 and 15.
   */
  static double fromStat(String stat) {
    return fromStat(stat, false);
  }

  /** As {@link #fromStat(String)}, adding cutime and cstime (fields 16 and 17) if asked. */
  static double fromStat(String stat, boolean endedChildren) {
    if (stat == null) {
      return Double.NaN;
    }
    try {
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // after[0] is field 3 (state): field n is after[n - 3]
      int last = endedChildren ? 14 : 12;
      long ticks = 0;
      for (int i = 11; i <= last; i++) {
        ticks += Long.parseLong(after[i]);
      }
      return ticks * MS_PER_TICK;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Milliseconds of processor time per request, per service and in all ({@code "all"}), between two
   * readings over {@code requests} answered requests.
   */
  public static Map<String, Double> perRequest(
      Map<String, Double> before, Map<String, Double> after, long requests) {
    Map<String, Double> per = new LinkedHashMap<>();
    double all = 0;
    for (Map.Entry<String, Double> start : before.entrySet()) {
      double used = after.getOrDefault(start.getKey(), Double.NaN) - start.getValue();
      per.put(start.getKey(), requests > 0 ? used / requests : Double.NaN);
      all += used;
    }
    per.put("all", requests > 0 ? all / requests : Double.NaN);
    return per;
  }
}
