package org.improvementhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Processor time (user + system, from {@code /proc/<pid>/stat}) of the processes a bench drives:
 * one service, the PostgreSQL server it talks to (the postmaster found by its port, with every
 * backend below it and the backends that have already ended) and the bench's own JVM (its SMTP
 * server, say). Taken before and after a fixed amount of work, it gives what each unit of work
 * costs each process: unlike a rate, a figure that hardly moves when other work shares the machine.
 */
final class ProcessorTime {

  /** Linux reports times in clock ticks of 1/100 s on every platform. */
  private static final double MS_PER_TICK = 10.0;

  private ProcessorTime() {}

  /** Milliseconds so far for {@code service}, {@code postgres} and {@code bench} (this JVM). */
  static Map<String, Double> millis(long servicePid, int postgresPort) {
    Map<String, Double> used = new LinkedHashMap<>();
    used.put("service", ownMillis(servicePid));
    used.put("postgres", postgres(postgresPort));
    used.put("bench", ownMillis(ProcessHandle.current().pid()));
    return used;
  }

  /** Per-unit milliseconds between two readings, per process and in all ({@code "all"}). */
  static Map<String, Double> per(Map<String, Double> before, Map<String, Double> after, long n) {
    Map<String, Double> per = new LinkedHashMap<>();
    double all = 0;
    for (Map.Entry<String, Double> start : before.entrySet()) {
      double used = after.get(start.getKey()) - start.getValue();
      per.put(start.getKey(), used / n);
      all += used;
    }
    per.put("all", all / n);
    return per;
  }

  private static double postgres(int port) {
    Optional<ProcessHandle> postmaster =
        ProcessHandle.allProcesses()
            .filter(
                p ->
                    p.info()
                        .commandLine()
                        .filter(c -> c.contains("postgres") && c.contains(" -p " + port + " "))
                        .isPresent())
            .findFirst();
    if (postmaster.isEmpty()) {
      return Double.NaN;
    }
    long pid = postmaster.get().pid();
    // the postmaster's own time and its ended children's (fields 16, 17), then the live backends'
    double total = fields(pid, 11) + fields(pid, 12) + fields(pid, 13) + fields(pid, 14);
    total +=
        postmaster
            .get()
            .descendants()
            .mapToDouble(p -> ownMillis(p.pid()))
            .filter(v -> v == v)
            .sum();
    return total;
  }

  private static double ownMillis(long pid) {
    return fields(pid, 11) + fields(pid, 12);
  }

  /** Field {@code index + 3} of {@code /proc/<pid>/stat}, in milliseconds (NaN if unreadable). */
  private static double fields(long pid, int index) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // the command name (field 2) may hold spaces: count from the closing parenthesis
      String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Long.parseLong(after[index]) * MS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
