package org.improvementhub.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.improvementhub.faults.KillRestartRun.Result;

/**
 * The benchmark profile of the fault harness: {@code runs} SIGKILL-and-restart runs of the
 * notifications service while a batch of overdue emails goes out, then one SMTP outage of {@code
 * outage-minutes}. Prints lost and duplicate counts; asserts nothing (the ITs do).
 *
 * <p>Usage: {@code FaultsBench [runs=100] [batch=40] [outage-minutes=10] [seed]}, run from the
 * repository root after a build.
 */
public final class FaultsBench {

  private FaultsBench() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Duration outage =
        Duration.ofSeconds((long) (60 * Double.parseDouble(args.length > 2 ? args[2] : "10")));
    long seed = args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime();
    Path root = Path.of("").toAbsolutePath();
    System.out.printf(
        "Fault harness: %d kill-restart runs of %d overdue emails, then an SMTP outage of %s (seed %d)%n",
        runs, batch, outage, seed);
    try (FaultStack stack =
        FaultStack.start(root, root.resolve("infra/faults/target/bench-logs"))) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Result> results = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        Result result = new KillRestartRun(stack, batch, random).run();
        results.add(result);
        System.out.printf(
            "run %3d: killed after %2d accepted; expected %d, reached %d, lost %d, duplicates %d%n",
            i,
            result.killedAfter(),
            result.delivered().expected(),
            result.delivered().reached(),
            result.delivered().lost(),
            result.delivered().duplicates());
        if (!result.diagnosis().isEmpty()) {
          System.out.println("  lost: " + result.diagnosis());
        }
      }
      System.out.printf(
          "kill-restart: runs %d, emails expected %d, lost %d, duplicates %d%n",
          results.size(),
          results.stream().mapToInt(r -> r.delivered().expected()).sum(),
          results.stream().mapToInt(r -> r.delivered().lost()).sum(),
          results.stream().mapToInt(r -> r.delivered().duplicates()).sum());
      SmtpOutageRun.Result outageResult = new SmtpOutageRun(stack, batch, outage).run();
      System.out.printf(
          "smtp outage %s: accepted during outage %d, expected %d, delivered after %d, lost %d,"
              + " duplicates %d, last email %.1f s after the server came back%n",
          outage,
          outageResult.duringOutage().received(),
          outageResult.after().expected(),
          outageResult.after().reached(),
          outageResult.after().lost(),
          outageResult.after().duplicates(),
          outageResult.lastEmailAfterReturn().toMillis() / 1000.0);
    }
    System.exit(0);
  }
}
