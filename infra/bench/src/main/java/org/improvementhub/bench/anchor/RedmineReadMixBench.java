package org.improvementhub.bench.anchor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.bench.load.GatlingRun;
import org.improvementhub.bench.load.LoadFigures;
import org.improvementhub.bench.load.Machine;

/**
 * The read mix against Redmine ({@code RedmineReadMix}, infra/load) at each rate the hub's read mix
 * ran at, for as long, from the paths and API key {@code infra/bench/anchor/load-data.sh} and
 * {@code start.sh} left in {@code infra/bench/anchor/target/}. Writes {@code redmine.json} in
 * {@code -Dbench.out}: per rate, each request's figures, the plan tree as one operation (its pages
 * one after another, Gatling's group), and the operations answered successfully per second in the
 * hub's terms (a list, a whole plan, an issue).
 *
 * <p>Run (from {@code run-all.sh}): {@code RedmineReadMixBench [rates] [seconds per rate]}
 */
public final class RedmineReadMixBench {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private static void run(String[] args) throws Exception {
    String rates = args.length > 0 ? args[0] : "50,150,300";
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
    Path root = Path.of("").toAbsolutePath();
    Path anchor = root.resolve("infra/bench/anchor/target");
    Path out =
        Path.of(System.getProperty("bench.out", root.resolve("infra/bench/target").toString()))
            .toAbsolutePath();
    Files.createDirectories(out);
    String key = Files.readString(anchor.resolve("api-key.txt")).strip();
    String url = Files.readString(anchor.resolve("redmine-url.txt")).strip();
    // holds the admin's API key: stays under target/
    Path targets = root.resolve("infra/bench/target/redmine-targets.json");
    Files.createDirectories(targets.getParent());
    JSON.writeValue(
        targets.toFile(),
        Map.of("paths", anchor.resolve("read-paths.csv").toString(), "apiKey", key));
    GatlingRun gatling = new GatlingRun(root);
    Path reports = out.resolve("gatling-redmine");
    Path log = out.resolve("gatling-redmine.log");
    System.out.println("Redmine: warming up, 20 s of the read mix at 2/s (not counted)");
    gatling.run("RedmineReadMix", 2, 20, targets, reports, log);
    awaitIdle(url, key);
    List<Map<String, Object>> runs = new ArrayList<>();
    for (String each : rates.split(",")) {
      double rate = Double.parseDouble(each.strip());
      String loadBefore = Machine.loadAverage();
      GatlingRun.Result result =
          gatling.run("RedmineReadMix", rate, seconds, targets, reports, log);
      Map<String, Object> one = figures(result.report(), rate, seconds);
      one.put("loadAverageBefore", loadBefore);
      one.put("loadAverageAfter", Machine.loadAverage());
      runs.add(one);
      System.out.printf(
          "Redmine read mix at %.0f/s for %d s (load average before %s): %.1f operations/s"
              + " answered well, %d failed, %d never answered; worst kind's p99 %.0f ms%n",
          rate,
          seconds,
          loadBefore,
          (double) one.get("operationsPerSecond"),
          (long) one.get("failed"),
          (long) one.get("unanswered"),
          (double) one.get("worstP99"));
      // Puma still answers what Gatling gave up on: the next rate starts on an idle Redmine
      awaitIdle(url, key);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("redmineUrl", url);
    all.put("pumaWorkers", System.getenv().getOrDefault("ANCHOR_PUMA_WORKERS", "2"));
    all.put("pumaThreads", System.getenv().getOrDefault("ANCHOR_PUMA_THREADS", "5"));
    all.put("cores", Machine.cores());
    all.put("runs", runs);
    JSON.writeValue(out.resolve("redmine.json").toFile(), all);
    System.out.println("Figures: " + out.resolve("redmine.json"));
  }

  /**
   * One run's figures from Gatling's {@code js/stats.json}: each request, the "plan tree" group (a
   * whole plan's pages one after another), and the operations in the hub's terms.
   */
  static Map<String, Object> figures(Path report, double rate, long seconds) throws IOException {
    JsonNode root = JSON.readTree(report.resolve("js/stats.json").toFile());
    Map<String, LoadFigures> named = new LinkedHashMap<>();
    collect(root.path("contents"), named);
    LoadFigures list = named.get("action list of 100");
    LoadFigures tree = named.get("plan tree");
    LoadFigures issue = named.get("one action");
    List<LoadFigures> operations = new ArrayList<>();
    for (LoadFigures f : new LoadFigures[] {list, tree, issue}) {
      if (f != null) {
        operations.add(f);
      }
    }
    long answered = operations.stream().mapToLong(LoadFigures::total).sum();
    long failed = operations.stream().mapToLong(LoadFigures::failed).sum();
    // answered well: Gatling's rate counts failures (timeouts, refused connections) too
    double perSecond =
        operations.stream()
            .filter(f -> f.total() > 0)
            .mapToDouble(f -> f.perSecond() * (f.total() - f.failed()) / f.total())
            .sum();
    double worstP99 =
        operations.stream()
            .filter(f -> f.total() > 0)
            .mapToDouble(LoadFigures::p99)
            .max()
            .orElse(Double.NaN);
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("rate", rate);
    one.put("seconds", seconds);
    one.put("operations", answered);
    one.put("failed", failed);
    one.put("unanswered", Math.max(0, Math.round(rate * seconds) - answered));
    one.put("operationsPerSecond", perSecond);
    one.put("worstP99", worstP99);
    one.put("pages", LoadFigures.fromGatlingStats(root.path("stats")));
    one.put("requests", new ArrayList<>(named.values()));
    one.put("report", report.toString());
    return one;
  }

  private static void collect(JsonNode contents, Map<String, LoadFigures> named) {
    contents.forEach(
        entry -> {
          LoadFigures f = LoadFigures.fromGatlingStats(entry.path("stats"));
          named.put(f.name(), f);
          collect(entry.path("contents"), named);
        });
  }

  /** Waits (at most 3 min) until Redmine answers a cheap request within 2 s. */
  private static void awaitIdle(String url, String key) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        long began = System.nanoTime();
        HttpResponse<Void> r =
            client.send(
                HttpRequest.newBuilder(URI.create(url + "/users/current.json"))
                    .header("X-Redmine-API-Key", key)
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200 && System.nanoTime() - began < 2_000_000_000L) {
          return;
        }
      } catch (IOException e) {
        // still busy: ask again
      }
      Thread.sleep(1000);
    }
    System.out.println("Redmine still busy after 3 min; going on");
  }
}
