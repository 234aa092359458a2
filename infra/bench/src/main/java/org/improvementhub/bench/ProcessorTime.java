package org.improvementhub.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.improvementhub.bench.load.ServiceCpu;

/**
 * Processor time (user + system, from {@code /proc/<pid>/stat}) of the processes a bench drives:
 * one service, the PostgreSQL server it talks to (the postmaster found by its port, with every
 * backend below it and the backends that have already ended) and the bench's own JVM (its SMTP
 * server, say). Taken before and after a fixed amount of work, it gives what each unit of work
 * costs each process: unlike a rate, a figure that hardly moves when other work shares the machine.
 * Each process's {@code /proc/<pid>/stat} is read by {@link ServiceCpu}.
 */
final class ProcessorTime {

  private ProcessorTime() {}

  /** Milliseconds so far for {@code service}, {@code postgres} and {@code bench} (this JVM). */
  static Map<String, Double> millis(long servicePid, int postgresPort) {
    Map<String, Double> used = new LinkedHashMap<>();
    used.put("service", ServiceCpu.millis(servicePid));
    used.put("postgres", postgres(postgresPort));
    used.put("bench", ServiceCpu.millis(ProcessHandle.current().pid()));
    return used;
  }

  /** Per-unit milliseconds between two readings, per process and in all ({@code "all"}). */
  static Map<String, Double> per(Map<String, Double> before, Map<String, Double> after, long n) {
    return ServiceCpu.perRequest(before, after, n);
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
    // the postmaster's own time and its ended children's, then the live backends'
    double total = ServiceCpu.millisWithEndedChildren(pid);
    total +=
        postmaster
            .get()
            .descendants()
            .mapToDouble(p -> ServiceCpu.millis(p.pid()))
            .filter(v -> v == v)
            .sum();
    return total;
  }
}
