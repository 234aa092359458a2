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

  /**
   * Runs {@code simulation} (e.g. {@code ReadMix}) at {@code rate} arrivals per second for {@code
   * seconds} against {@code targets}; the report goes under {@code results}, Gatling's output to
   * {@code log}.
   */
  public Result run(
      String simulation, double rate, long seconds, Path targets, Path results, Path log) {
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
      // the simulation stops itself at its limit (seconds + 30); writing the report took over two
      // minutes on a machine at load average 90, so its wait is generous
      if (!gatling.waitFor(seconds + 30 + 900, TimeUnit.SECONDS)) {
        gatling.destroyForcibly();
        throw new IllegalStateException("Gatling did not finish; see " + log);
      }
      Path report = newestReport(results, simulation);
      return read(simulation, rate, seconds, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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

  static Result read(String simulation, double rate, long seconds, Path report) throws IOException {
    JsonNode root = new ObjectMapper().readTree(report.resolve("js/stats.json").toFile());
    List<LoadFigures> requests = new ArrayList<>();
    root.path("contents")
        .forEach(
            entry -> {
              if ("REQUEST".equals(entry.path("type").asText())) {
                requests.add(LoadFigures.fromGatlingStats(entry.path("stats")));
              }
            });
    requests.sort(Comparator.comparing(LoadFigures::name));
    return new Result(
        simulation,
        rate,
        seconds,
        LoadFigures.fromGatlingStats(root.path("stats")),
        List.copyOf(requests),
        report);
  }
}
