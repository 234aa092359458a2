package org.improvementhub.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one of {@code infra/load}'s simulations in a JVM of its own (Gatling wants Netty 4.1, the
 * bench's classpath has 4.2) from that module's classes and the classpath Maven wrote beside them,
 * and reads its figures back from the report Gatling writes ({@code js/stats.json}).
 */
public final class GatlingRun {

  /** A finished run: all requests together, each named request, and the HTML report's folder. */
  public record Result(
      String simulation,
      double rate,
      long seconds,
      LoadFigures all,
      List<LoadFigures> requests,
      Path report) {}

  private final Path loadModule;

  public GatlingRun(Path repositoryRoot) {
    this.loadModule = repositoryRoot.resolve("infra/load");
  }

  /** A simulation's JVM, running. */
  public final class Running {
    private final Process gatling;
    private final String simulation;
    private final double rate;
    private final long seconds;
    private final long limitSeconds;
    private final Path results;
    private final Path log;

    private Running(
        Process gatling,
        String simulation,
        double rate,
        long seconds,
        long limitSeconds,
        Path results,
        Path log) {
      this.gatling = gatling;
      this.simulation = simulation;
      this.rate = rate;
      this.seconds = seconds;
      this.limitSeconds = limitSeconds;
      this.results = results;
      this.log = log;
    }

    /**
     * Waits for the run to end and reads its figures: those of the requests in {@code group} (a
     * Gatling group, e.g. MixedSoak's {@code soak}), or of all requests when it is null.
     */
    public Result await(String group) {
      try {
        // the simulation stops itself at its limit; writing the report took over two minutes on a
        // machine at load average 90, so the wait is generous
        if (!gatling.waitFor(limitSeconds + 900, TimeUnit.SECONDS)) {
          gatling.destroyForcibly();
          throw new IllegalStateException("Gatling did not finish; see " + log);
        }
        Path report = newestReport(results, simulation);
        return read(simulation, rate, seconds, report, group);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Runs {@code simulation} (e.g. {@code ReadMix}) at {@code rate} arrivals per second for {@code
   * seconds} against {@code targets}; the report goes under {@code results}, Gatling's output to
   * {@code log}.
   */
  public Result run(
      String simulation, double rate, long seconds, Path targets, Path results, Path log) {
    return start(simulation, rate, seconds, Map.of(), 0, targets, results, log).await(null);
  }

  /**
   * Starts {@code simulation} with extra system {@code properties} (e.g. MixedSoak's {@code
   * load.warmup}) that lengthen the run by {@code extraSeconds}, and returns without waiting.
   */
  public Running start(
      String simulation,
      double rate,
      long seconds,
      Map<String, String> properties,
      long extraSeconds,
      Path targets,
      Path results,
      Path log) {
    Path classes = loadModule.resolve("target/classes");
    Path classpath = loadModule.resolve("target/runtime-classpath.txt");
    if (!Files.exists(classpath)) {
      throw new IllegalStateException("infra/load is not built: missing " + classpath);
    }
    try {
      Files.createDirectories(results);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xms256m");
      command.add("-Xmx768m");
      // extra options for the load generator's JVM, e.g. its GC log, to tell its own pauses from
      // the services': BENCH_GATLING_JAVA_OPTS="-Xlog:gc:file=/tmp/gatling-gc.log"
      String extra = System.getenv("BENCH_GATLING_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        command.addAll(List.of(extra.strip().split("\\s+")));
      }
      command.add("-Dload.targets=" + targets.toAbsolutePath());
      command.add("-Dload.rate=" + rate);
      command.add("-Dload.seconds=" + seconds);
      properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
      command.add("-cp");
      command.add(classes + java.io.File.pathSeparator + Files.readString(classpath).strip());
      command.add("io.gatling.app.Gatling");
      command.add("-s");
      command.add("org.improvementhub.load." + simulation);
      command.add("-rf");
      command.add(results.toAbsolutePath().toString());
      command.add("-rd");
      command.add(simulation + " at " + rate + "/s for " + seconds + " s");
      Process gatling =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new Running(
          gatling, simulation, rate, seconds, seconds + extraSeconds + 30, results, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path newestReport(Path results, String simulation) throws IOException {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith(simulation.toLowerCase()))
          .filter(p -> Files.exists(p.resolve("js/stats.json")))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("Gatling wrote no report under " + results));
    }
  }

  static Result read(String simulation, double rate, long seconds, Path report, String group)
      throws IOException {
    JsonNode root = new ObjectMapper().readTree(report.resolve("js/stats.json").toFile());
    JsonNode figures = group == null ? root : group(root, group);
    List<LoadFigures> requests = new ArrayList<>();
    figures
        .path("contents")
        .forEach(
            entry -> {
              if ("REQUEST".equals(entry.path("type").asText())) {
                requests.add(within(group, seconds, entry.path("stats")));
              }
            });
    requests.sort(Comparator.comparing(LoadFigures::name));
    return new Result(
        simulation,
        rate,
        seconds,
        within(group, seconds, figures.path("stats")),
        List.copyOf(requests),
        report);
  }

  private static LoadFigures within(String group, long seconds, JsonNode stats) {
    LoadFigures figures = LoadFigures.fromGatlingStats(stats);
    return group == null ? figures : figures.over(seconds);
  }

  private static JsonNode group(JsonNode root, String name) {
    for (JsonNode entry : root.path("contents")) {
      if ("GROUP".equals(entry.path("type").asText()) && name.equals(entry.path("name").asText())) {
        return entry;
      }
    }
    throw new IllegalStateException("Gatling's report has no group '" + name + "'");
  }
}
