package org.improvementhub.bench.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.improvementhub.localstack.ServiceProcess;

/**
 * Issue 12's "load held": the whole stack (every service its own JVM) under {@code MixedSoak}, 80 %
 * reads and 20 % writes, at a given rate for a given time; prints errors, p50/p95/p99, throughput
 * and each service's memory before and after (resident, and heap in use after a full collection)
 * with the resident memory's slope over the last half of the run, and writes the same as {@code
 * soak.json}.
 *
 * <p>Run: {@code infra/bench/run-soak.sh [minutes, default 10] [requests/s, default 300] [councils,
 * default 4] [actions per plan, default 600]}
 */
public final class SoakBench {

  /** Resident memory rising faster than this over the last half of the run is not flat. */
  static final double FLAT_RSS_MB_PER_MINUTE = 2.0;

  /** Live heap (after a full collection) growing by more than this is not flat. */
  static final double FLAT_HEAP_GROWTH_MB = 16.0;

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

  /**
   * MixedSoak's groups of requests (infra/load, whose classpath the bench's cannot share): the
   * measured and the warm-up's.
   */
  private static final String SOAK_GROUP = "soak";

  private static final String WARM_UP_GROUP = "warm-up";

  /**
   * The warm-up, as fractions of the soak's rate and seconds at each: the services' JVMs compile
   * their hot code while the load rises, as a deployment's new pods take their share of traffic by
   * degrees. Started cold at the full 300/s (a sixth for 30 s before), the session 10 soak's
   * services spent four minutes compiling on two saturated cores and turned requests away as busy
   * for all of them (4,761 errors), then none in the six minutes after, at 1.43 of the 2 cores.
   * Warmed to three quarters only, the step up to the full rate still cost 446 errors in its first
   * minute and a half: the last step is the full rate.
   */
  private static final double[][] WARM_UP = {{1.0 / 6, 30}, {0.5, 60}, {0.75, 60}, {1, 60}};

  private static void run(String[] args) throws Exception {
    double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 300;
    int councils = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int actions = args.length > 3 ? Integer.parseInt(args[3]) : 600;
    long seconds = Math.round(minutes * 60);
    Path root = Path.of("").toAbsolutePath();
    Path out =
        Path.of(
                System.getProperty(
                    "bench.out",
                    root.resolve("infra/bench/target/soak")
                        .resolve(
                            LocalDateTime.now()
                                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))
                        .toString()))
            .toAbsolutePath();
    Files.createDirectories(out);
    GatlingRun gatling = new GatlingRun(root);
    try (LoadRun run = LoadRun.start(root, out, councils, actions)) {
      Map<String, ServiceProcess> services = run.stack().services();
      // memory before any load (each service collected in full), so that no collection of six
      // services falls between the warm-up and the soak
      Map<String, ServiceMemory> before = new LinkedHashMap<>();
      services.forEach((name, process) -> before.put(name, ServiceMemory.afterFullGc(process)));
      // the warm-up runs in the soak's own Gatling JVM: run as separate JVMs, each new one began
      // at the full rate with its own code cold and its connections new, and every one of the
      // session 10 soak's 130 errors fell in its first 15 s
      List<String> steps = new ArrayList<>();
      long warmUpSeconds = 0;
      for (double[] step : WARM_UP) {
        steps.add(Math.round(step[1]) + "@" + Math.max(5, Math.round(rate * step[0])));
        warmUpSeconds += Math.round(step[1]);
      }
      System.out.printf(
          "Warming up for %d s in steps of seconds@requests/s %s (not counted), then the soak:"
              + " MixedSoak at %.0f requests/s for %d s%n",
          warmUpSeconds, steps, rate, seconds);
      GatlingRun.Running running =
          gatling.start(
              "MixedSoak",
              rate,
              seconds,
              Map.of("load.warmup", String.join(",", steps)),
              warmUpSeconds,
              run.targets(),
              out.resolve("gatling"),
              out.resolve("gatling.log"));
      // the soak's counters start when the warm-up ends, counted from the JVM's start: the
      // simulation begins a second or two later, so they take in its last seconds at the full
      // rate rather than miss the soak's first
      Thread.sleep(warmUpSeconds * 1000);
      String loadBefore = Machine.loadAverage();
      Map<String, AdmissionRefusals> refusedBefore = AdmissionRefusals.read(services);
      System.out.printf("Soak: MixedSoak at %.0f requests/s for %d s%n", rate, seconds);
      GatlingRun.Result result;
      MemoryTrace trace = MemoryTrace.every(5, services);
      // a line a minute, so that whoever watches a 10-minute soak sees it going and its memory
      ScheduledExecutorService progress =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "soak-progress");
                t.setDaemon(true);
                return t;
              });
      long began = System.nanoTime();
      progress.scheduleAtFixedRate(
          () -> {
            Map<String, String> rss = new LinkedHashMap<>();
            trace
                .points()
                .forEach(
                    (name, points) ->
                        rss.put(
                            name,
                            points.isEmpty()
                                ? "?"
                                : String.format("%.0f", points.get(points.size() - 1).rssMb())));
            System.out.printf(
                "  %s: %.0f of %d s; resident MB %s; load average %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                (System.nanoTime() - began) / 1e9,
                seconds,
                rss,
                Machine.loadAverage());
          },
          60,
          60,
          TimeUnit.SECONDS);
      try {
        result = running.await(SOAK_GROUP);
      } finally {
        progress.shutdownNow();
        trace.close();
      }
      LoadFigures warmed =
          GatlingRun.read("MixedSoak", rate, warmUpSeconds, result.report(), WARM_UP_GROUP).all();
      String warmUp =
          String.format(
              "%s seconds@requests/s: n=%d errors=%d p99=%.0f ms",
              steps, warmed.total(), warmed.failed(), warmed.p99());
      String loadDuring = Machine.loadAverage();
      Map<String, AdmissionRefusals> refused = new LinkedHashMap<>();
      AdmissionRefusals.read(services)
          .forEach((name, now) -> refused.put(name, now.since(refusedBefore.get(name))));
      Map<String, ServiceMemory> under = new LinkedHashMap<>();
      services.forEach((name, process) -> under.put(name, ServiceMemory.of(process)));
      Map<String, ServiceMemory> after = new LinkedHashMap<>();
      services.forEach((name, process) -> after.put(name, ServiceMemory.afterFullGc(process)));
      Map<String, Double> slopes = trace.slopeMbPerMinute(0.5);
      Map<String, Double> peaks = trace.peakMb();

      List<ServiceMemoryChange> changes =
          services.keySet().stream()
              .map(
                  name ->
                      ServiceMemoryChange.of(
                          before.get(name), after.get(name), peaks.get(name), slopes.get(name)))
              .toList();
      StringBuilder text = new StringBuilder();
      text.append('\n')
          .append(
              "Soak (issue 12 \"load held\"): MixedSoak, 80 % reads / 20 % writes, open model\n");
      text.append(
          String.format(
              "  machine: %d cores; load average (1/5/15 min) before %s, at the end %s%n",
              Machine.cores(), loadBefore, loadDuring));
      text.append(
          String.format(
              "  %d councils of %d actions; asked %.0f requests/s for %d s%n",
              councils, actions, rate, seconds));
      text.append(
          String.format(
              "  all requests: n=%d  errors=%d  p50=%.0f ms  p95=%.0f ms  p99=%.0f ms  max=%.0f ms"
                  + "  throughput %.1f req/s%n",
              result.all().total(),
              result.all().failed(),
              result.all().p50(),
              result.all().p95(),
              result.all().p99(),
              result.all().max(),
              result.all().perSecond()));
      text.append(
          String.format(
              "  arrivals never answered before the run's hard stop (not in Gatling's counts): %d%n",
              Math.max(0, Math.round(rate * seconds) - result.all().total())));
      for (LoadFigures request : result.requests()) {
        text.append("    ").append(request.summary()).append('\n');
      }
      text.append("  warm-up before the soak (not counted above): ").append(warmUp).append('\n');
      text.append("  turned away as busy by each service's admission control, by reason:\n");
      refused.forEach(
          (name, counts) ->
              text.append(
                  String.format("    %-14s %6d  %s%n", name, counts.total(), counts.byReason())));
      text.append(
          "  memory per service (MB): resident and live heap (in use after a full GC), before the"
              + " warm-up -> after the soak; resident peak; resident slope over the soak's last"
              + " half\n");
      for (ServiceMemoryChange change : changes) {
        text.append("    ").append(change.summary()).append('\n');
      }
      text.append(
          String.format(
              "  flat means: resident slope <= %.0f MB/min and live heap growth <= %.0f MB%n",
              FLAT_RSS_MB_PER_MINUTE, FLAT_HEAP_GROWTH_MB));
      text.append("  Gatling's report: ")
          .append(result.report().resolve("index.html"))
          .append('\n');
      System.out.print(text);
      Files.writeString(out.resolve("soak.txt"), text);
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put(
          "machine",
          Map.of("cores", Machine.cores(), "loadBefore", loadBefore, "loadAtEnd", loadDuring));
      figures.put("councils", councils);
      figures.put("actionsPerPlan", actions);
      figures.put("rate", rate);
      figures.put("seconds", seconds);
      figures.put("warmUp", warmUp);
      figures.put("all", result.all());
      figures.put("requests", result.requests());
      figures.put("memory", changes);
      figures.put("refusedByAdmission", refused);
      figures.put("rssTrace", trace.points());
      figures.put("report", result.report().toString());
      LoadTargets.json().writeValue(out.resolve("soak.json").toFile(), figures);
      run.stack().dumpFlightRecordings(out.resolve("jfr"));
      System.out.println("  figures: " + out.resolve("soak.json"));
    }
  }
}
