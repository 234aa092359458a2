package org.improvementhub.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 13's first row: the read mix ({@code ReadMix}: an action list of 100, a 600-action plan
 * tree, one action) against the whole stack at each of several rates, with each service's resident
 * memory peak under each rate and each service's time to healthy. Writes {@code readmix.json} in
 * {@code -Dbench.out} (the issue-13 report reads it) and prints the figures.
 *
 * <p>Run (from {@code run-all.sh}): {@code ReadMixBench [rates, default 50,150,300] [seconds per
 * rate, default 60] [councils, default 4] [actions per plan, default 600]}
 */
public final class ReadMixBench {

  private static final long IDLE_MILLIS = 10_000;

  public static void main(String[] args) throws Exception {
    try {
      run(args);
    } catch (Exception | Error e) {
      e.printStackTrace();
      // the embedded broker's threads would keep the JVM alive after a failure
      System.exit(1);
    }
    System.exit(0);
  }

  private static Map<String, Double> perSecond(
      Map<String, Double> before, Map<String, Double> after, double seconds) {
    Map<String, Double> rate = new LinkedHashMap<>();
    before.forEach((name, ms) -> rate.put(name, (after.get(name) - ms) / seconds));
    return rate;
  }

  private static Map<String, String> rounded(Map<String, Double> figures) {
    Map<String, String> shown = new LinkedHashMap<>();
    figures.forEach((name, value) -> shown.put(name, String.format("%.2f", value)));
    return shown;
  }

  private static void run(String[] args) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (String rate : (args.length > 0 ? args[0] : "50,150,300").split(",")) {
      rates.add(Double.parseDouble(rate.strip()));
    }
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
    int councils = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int actions = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    Path root = Path.of("").toAbsolutePath();
    Path out =
        Path.of(
                System.getProperty(
                    "bench.out", root.resolve("infra/bench/target/readmix").toString()))
            .toAbsolutePath();
    Files.createDirectories(out);
    GatlingRun gatling = new GatlingRun(root);
    Map<String, Object> figures = new LinkedHashMap<>();
    try (LoadRun run = LoadRun.start(root, out, councils, actions)) {
      figures.put("councils", councils);
      figures.put("actionsPerPlan", actions);
      figures.put("secondsToHealthy", run.stack().secondsToHealthy());
      System.out.println("Warming up: 20 s of the read mix at 50/s (not counted)");
      gatling.run(
          "ReadMix",
          50,
          20,
          run.targets(),
          out.resolve("gatling-warm-up"),
          out.resolve("gatling.log"));
      // what the services use doing nothing (relays polling, scans, metrics), to read the
      // per-request figures against
      Map<String, Double> idleFrom = ServiceCpu.millis(run.stack().services());
      long idleBegan = System.nanoTime();
      Thread.sleep(IDLE_MILLIS);
      Map<String, Double> idleCpu =
          perSecond(
              idleFrom,
              ServiceCpu.millis(run.stack().services()),
              (System.nanoTime() - idleBegan) / 1e9);
      figures.put("idleCpuMsPerSecond", idleCpu);
      System.out.println("  idle CPU (ms per s): " + rounded(idleCpu));
      List<Map<String, Object>> runs = new ArrayList<>();
      for (double rate : rates) {
        String loadBefore = Machine.loadAverage();
        MemoryTrace trace = MemoryTrace.every(2, run.stack().services());
        Map<String, ServiceGc.Reading> gcBefore = ServiceGc.read(run.stack().services());
        Map<String, Double> cpuBefore = ServiceCpu.millis(run.stack().services());
        long began = System.nanoTime();
        GatlingRun.Result result;
        try {
          result =
              gatling.run(
                  "ReadMix",
                  rate,
                  seconds,
                  run.targets(),
                  out.resolve("gatling"),
                  out.resolve("gatling.log"));
        } finally {
          trace.close();
        }
        double wallSeconds = (System.nanoTime() - began) / 1e9;
        Map<String, Double> cpuPerRequest =
            ServiceCpu.perRequest(
                cpuBefore, ServiceCpu.millis(run.stack().services()), result.all().total());
        Map<String, ServiceGc.PerThousand> gcPerThousand =
            ServiceGc.perThousand(
                gcBefore, ServiceGc.read(run.stack().services()), result.all().total());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("rate", rate);
        one.put("seconds", seconds);
        one.put("loadAverageBefore", loadBefore);
        one.put("loadAverageAfter", Machine.loadAverage());
        one.put("all", result.all());
        one.put("requests", result.requests());
        one.put("peakRssMb", trace.peakMb());
        one.put("cpuMsPerRequest", cpuPerRequest);
        one.put("gcPerThousandRequests", gcPerThousand);
        one.put("secondsMeasured", wallSeconds);
        one.put("report", result.report().toString());
        runs.add(one);
        System.out.printf(
            "ReadMix at %.0f/s for %d s (load average before %s):%n  %s%n",
            rate, seconds, loadBefore, result.all().summary());
        result.requests().forEach(r -> System.out.println("    " + r.summary()));
        System.out.println("  resident peak (MB): " + trace.peakMb());
        System.out.printf(
            "  CPU per request (ms, over %.0f s including Gatling's start and report): %s%n",
            wallSeconds, rounded(cpuPerRequest));
        System.out.println(
            "  GC per 1,000 requests (pauses, pause ms, ≈ MB allocated): " + gcPerThousand);
      }
      figures.put("cores", Machine.cores());
      figures.put("runs", runs);
      LoadTargets.json().writeValue(out.resolve("readmix.json").toFile(), figures);
      run.stack().dumpFlightRecordings(out.resolve("jfr"));
      System.out.println("Figures: " + out.resolve("readmix.json"));
    }
  }
}
