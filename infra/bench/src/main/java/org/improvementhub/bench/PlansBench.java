package org.improvementhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Issue 4's figures, against a real plans service (its own JVM) on embedded PostgreSQL and Kafka:
 * the time to import a plan file of 2,000 rows (a dry run, then the import itself), and the read
 * latency (p50/p99) of a 600-action plan's whole tree under 50 concurrent readers.
 *
 * <p>Run: {@code infra/bench/run-plans.sh [tree actions, default 600] [readers, default 50] [reads,
 * default 2500] [import rows, default 2000]}
 */
public final class PlansBench {

  private static final String CSV = "text/csv";
  private static final String HEADER =
      "record,ref,parent_ref,title,description,success_criteria,owner,leads,start_date,due_date,"
          + "revised_due_date,revision_reason,completed_on,rag,period,review_note,reported_by,"
          + "reported_on,drivers,driver_kind,timeframe,evidence,setting,value\n";
  private static final String[] RAG = {"BLUE", "GREEN", "GREEN", "AMBER", "RED", "GREY"};

  public static void main(String[] args) throws Exception {
    int treeActions = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    int readers = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int reads = args.length > 2 ? Integer.parseInt(args[2]) : 2500;
    int importRows = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    TestInfrastructure infra = TestInfrastructure.shared();
    TestTokens tokens = TestTokens.shared();
    PostgresEndpoint database = infra.freshDatabase();
    Map<String, String> properties =
        BenchedService.properties(HubService.PLANS, BenchedService.stack(database, infra.mail()));
    properties.put("hub.plans.overdue-scan.after-start", "1h");
    String council = TestCouncils.uniqueSlug("bench");
    String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
    try (ServiceProcess plans = BenchedService.start(HubService.PLANS, properties)) {
      plans.awaitHealthy(Duration.ofSeconds(180));
      TestCouncils.provision(database, council, "Bench council", 999);
      HubApi api = new HubApi(plans.baseUrl());
      api.awaitGet(
          "/councils/" + council + "/programmes",
          manager,
          r -> r.status() == 200,
          Duration.ofSeconds(60));
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = plans.baseUrl() + "/councils/" + council;

      // warm the import path once (a small plan), so the figures are not the JIT's first pass
      post(http, base + "/programmes/import", manager, plan(40, 20, "Warm-up"));

      // --- import of a 2,000-row file ---------------------------------------------------------
      String big = file(importRows);
      int bigRows = (int) big.lines().count() - 1;
      long t0 = System.nanoTime();
      Answer dry = post(http, base + "/programmes/import?dryRun=true", manager, big);
      double dryMs = (System.nanoTime() - t0) / 1e6;
      long t1 = System.nanoTime();
      Answer imported = post(http, base + "/programmes/import", manager, big);
      double importMs = (System.nanoTime() - t1) / 1e6;
      if (dry.status() != 200 || imported.status() != 201) {
        throw new IllegalStateException("Import failed: " + dry + " / " + imported);
      }

      // --- a 600-action plan's tree under concurrent readers -----------------------------------
      Answer tree = post(http, base + "/programmes/import", manager, plan(treeActions, 0, "Tree"));
      if (tree.status() != 201) {
        throw new IllegalStateException("Import failed: " + tree);
      }
      String programme = tree.body().replaceAll(".*\"programmeId\":\"([^\"]+)\".*", "$1");
      String treeUrl = base + "/programmes/" + programme + "/tree";
      String reader = tokens.councilUser(council, "BOARD_MEMBER");
      int treeBytes = get(http, treeUrl, reader).body().length();
      for (int i = 0; i < 50; i++) {
        get(http, treeUrl, reader);
      }
      // one reader alone first: the cost of a read without queueing behind others
      List<Double> alone = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        long start = System.nanoTime();
        get(http, treeUrl, reader);
        alone.add((System.nanoTime() - start) / 1e6);
      }
      List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(readers);
      long began = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      int each = (reads + readers - 1) / readers;
      for (int r = 0; r < readers; r++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    long start = System.nanoTime();
                    Answer answer = get(http, treeUrl, reader);
                    if (answer.status() != 200) {
                      throw new IllegalStateException("Tree read failed: " + answer.status());
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      pool.shutdown();

      System.out.println();
      System.out.println("Plans bench (plans service in its own JVM, embedded PostgreSQL + Kafka)");
      // the figures depend on what else the machine runs: say how busy it was
      System.out.println(
          "  machine: "
              + Runtime.getRuntime().availableProcessors()
              + " cores, load average (1/5/15 min) "
              + loadAverage());
      System.out.printf(
          "  import of a %d-row file: dry run %.0f ms, import %.0f ms  (%s)%n",
          bigRows, dryMs, importMs, imported.body());
      System.out.printf(
          "  tree of a %d-action plan (%d KB), one reader alone: %s%n",
          treeActions, treeBytes / 1024, Percentiles.of(alone).summary(50, 99));
      System.out.printf(
          "  tree of a %d-action plan (%d KB): %s under %d concurrent readers, %.0f reads/s%n",
          treeActions,
          treeBytes / 1024,
          Percentiles.of(latencies).summary(50, 95, 99),
          readers,
          latencies.size() / seconds);
    }
    System.exit(0);
  }

  /** A file of about {@code rows} rows: a quarter of its actions carry two progress reports. */
  private static String file(int rows) {
    // settings 8, drivers 20, items 6 + 30; the rest: actions and, for some, progress reports
    int rest = Math.max(10, rows - 8 - 20 - 36);
    // two reports per reported action, so an even number of them
    int progress = 2 * ((rest - (int) Math.round(rest / 1.5)) / 2);
    int actions = rest - progress;
    return plan(actions, progress, "Big");
  }

  /**
   * A three-level plan (6 pillars, 30 outcomes) with {@code actions} actions spread evenly, 20
   * Ofsted recommendations, and {@code progress} progress reports over two periods.
   */
  private static String plan(int actions, int progress, String name) {
    StringBuilder csv = new StringBuilder(HEADER);
    setting(csv, "name", name + " improvement plan");
    setting(csv, "trigger_kind", "OFSTED_INSPECTION");
    setting(csv, "trigger_date", "2024-01-15");
    setting(csv, "trigger_judgement", "Inadequate");
    setting(csv, "programme_manager", "Pat Manager <pat.manager@bench.demo>");
    setting(csv, "level_names", "Pillar; Outcome; Action");
    setting(csv, "start_date", "2024-02-01");
    setting(csv, "end_date", "2026-01-31");
    for (int d = 1; d <= 20; d++) {
      csv.append("DRIVER,OR ")
          .append(d)
          .append(",,Ensure recommendation ")
          .append(d)
          .append(" is met,,,,,,,,,,,,,,,,OFSTED_RECOMMENDATION,WITHIN_3_MONTHS,,,\n");
    }
    for (int p = 1; p <= 6; p++) {
      csv.append("ITEM,")
          .append(p)
          .append(",,Pillar ")
          .append(p)
          .append(",,,Director,,,,,,,,,,,,,,,,,\n");
      for (int o = 1; o <= 5; o++) {
        csv.append("ITEM,")
            .append(p)
            .append('.')
            .append(o)
            .append(',')
            .append(p)
            .append(",Outcome ")
            .append(p)
            .append('.')
            .append(o)
            .append(",,Children are safer,,,,,,,,,,,,,,,,,\n");
      }
    }
    LocalDate due = LocalDate.of(2025, 3, 31);
    List<String> refs = new ArrayList<>();
    for (int a = 0; a < actions; a++) {
      int outcome = a % 30;
      String parent = (outcome / 5 + 1) + "." + (outcome % 5 + 1);
      String ref = parent + "." + (a / 30 + 1);
      refs.add(ref);
      boolean reported = a < progress / 2;
      csv.append("ACTION,")
          .append(ref)
          .append(',')
          .append(parent)
          .append(",Action ")
          .append(ref)
          .append(" audit and improve practice,,,,\"Lee Lead <lee.lead@bench.demo> (Head of")
          .append(" Service); Ann Other <ann.other@bench.demo>\",2024-02-01,")
          .append(due.plusDays(a % 200))
          .append(",,,,")
          .append(
              reported ? "" : RAG[a % RAG.length].equals("BLUE") ? "GREEN" : RAG[a % RAG.length])
          .append(",,,,,OR ")
          .append(a % 20 + 1)
          .append(",,,https://intranet.bench/")
          .append(ref)
          .append(",,\n");
    }
    for (int i = 0; i < progress; i++) {
      String ref = refs.get((i / 2) % refs.size());
      String period = i % 2 == 0 ? "2024-03" : "2024-04";
      csv.append("PROGRESS,")
          .append(ref)
          .append(",,,,,,,,,,,,")
          .append(i % 2 == 0 ? "GREEN" : "AMBER")
          .append(',')
          .append(period)
          .append(",Reviewed at the board,Pat Manager,")
          .append(period)
          .append("-28,,,,,,\n");
    }
    return csv.toString();
  }

  private static void setting(StringBuilder csv, String setting, String value) {
    csv.append("PROGRAMME,,,,,,,,,,,,,,,,,,,,,,")
        .append(setting)
        .append(',')
        .append(value)
        .append('\n');
  }

  private record Answer(int status, String body) {}

  private static Answer post(HttpClient http, String url, String token, String csv)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", CSV)
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static Answer get(HttpClient http, String url, String token) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofMinutes(1))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
