package org.improvementhub.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * The README's full test command on 2 cores, from {@code suite.txt} in the results folder: either
 * what {@code run-all.sh} writes with {@code BENCH_SUITE=1} ({@code seconds=<wall clock>}, {@code
 * exit=<code>}, {@code cores=<n>}), or Maven's own output of a CI run the lead keeps there ({@code
 * Total time: 18:27 min}, {@code BUILD SUCCESS}).
 */
final class SuiteTime {

  static final String MEASURE = "the README's full test command on 2 cores";
  static final String TARGET = "≤ 25 min";

  private static final Pattern SECONDS = Pattern.compile("(?m)^seconds=(\\d+(?:\\.\\d+)?)");
  private static final Pattern MAVEN =
      Pattern.compile("Total time:\\s+(?:(\\d+):)?(\\d+):(\\d+)\\s+(min|h)");

  private SuiteTime() {}

  static TargetRow row(Path folder) throws IOException {
    Path file = folder.resolve("suite.txt");
    if (!Files.exists(file)) {
      return TargetRow.notMeasuredYet(
          MEASURE, TARGET, "no suite.txt (BENCH_SUITE=1, or the lead's CI timing) in this folder");
    }
    String text = Files.readString(file);
    OptionalDouble seconds = seconds(text);
    if (seconds.isEmpty()) {
      return TargetRow.notMeasuredYet(MEASURE, TARGET, "suite.txt holds no wall-clock time");
    }
    boolean passed =
        text.contains("BUILD SUCCESS") || text.lines().anyMatch(l -> l.strip().equals("exit=0"));
    Matcher cores = Pattern.compile("(?m)^cores=(\\d+)").matcher(text);
    String where = cores.find() ? cores.group(1) + " cores" : "cores not recorded";
    double s = seconds.getAsDouble();
    String measured =
        String.format(
            "%d min %02d s (%s, %s)",
            (long) s / 60, (long) s % 60, passed ? "passed" : "FAILED or unknown", where);
    return new TargetRow(MEASURE, TARGET, measured, Verdict.of(passed && s <= 25 * 60));
  }

  static OptionalDouble seconds(String text) {
    Matcher own = SECONDS.matcher(text);
    if (own.find()) {
      return OptionalDouble.of(Double.parseDouble(own.group(1)));
    }
    Matcher maven = MAVEN.matcher(text);
    if (maven.find()) {
      long a = maven.group(1) == null ? 0 : Long.parseLong(maven.group(1));
      long b = Long.parseLong(maven.group(2));
      long c = Long.parseLong(maven.group(3));
      // "mm:ss min" or "h:mm:ss h": the hours, when there, are group 1
      return OptionalDouble.of(a * 3600 + b * 60 + c);
    }
    return OptionalDouble.empty();
  }
}
