package org.improvementhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Issue 7's figures: N councils × M actions (default 153 × 300) published as plans events, with 6
 * drivers and 8 measures (a value and a status each) per council, then the observer dashboard's
 * read latency (p50/p95) under concurrent readers, the freshness lag from a progress report being
 * published to the dashboard showing it (p50/p99), and a rebuild from the topics (its time, and
 * whether the dashboard reads the same after it).
 *
 * <p>Run: {@code infra/bench/run-oversight.sh [councils] [actions]}
 */
public final class OversightBench {

  private static final String[] RAG = {"BLUE", "GREEN", "GREEN", "AMBER", "RED", "GREY"};
  private static final String[] MEASURE_STATUS = {"GREEN", "AMBER", "RED", "GREY"};
  private static final int DRIVERS = 6;
  private static final int MEASURES = 8;

  public static void main(String[] args) throws Exception {
    int councils = args.length > 0 ? Integer.parseInt(args[0]) : 153;
    int actions = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    BenchFigures figures = BenchFigures.of("oversight", councils);
    figures.root().put("actions", actions);
    TestInfrastructure infra = TestInfrastructure.shared();
    TestTokens tokens = TestTokens.shared();
    Map<String, String> properties =
        BenchedService.properties(
            HubService.OVERSIGHT, BenchedService.stack(infra.freshDatabase(), infra.mail()));
    String run = UUID.randomUUID().toString().substring(0, 4);
    try (ServiceProcess oversight = BenchedService.start(HubService.OVERSIGHT, properties);
        KafkaProducer<String, String> producer =
            BenchEvents.producer(infra.kafkaBootstrapServers())) {
      oversight.awaitHealthy(BenchedService.START);
      HubApi api = new HubApi(oversight.baseUrl());
      String observer = tokens.observer("*");

      long began = System.nanoTime();
      List<UUID> firstActions = new ArrayList<>();
      for (int c = 0; c < councils; c++) {
        String council = "bench-" + run + "-" + c;
        producer.send(
            new ProducerRecord<>(
                "tenancy.council.v1",
                council,
                envelope(
                    "CouncilProvisioned",
                    council,
                    "{\"slug\":\"%s\",\"name\":\"Bench council %d\",\"laCode\":%d,\"schema\":\"x\"}"
                        .formatted(council, c, 100 + c))));
        for (int a = 0; a < actions; a++) {
          UUID id = UUID.randomUUID();
          if (a == 0) {
            firstActions.add(id);
          }
          producer.send(
              new ProducerRecord<>(
                  "plans.action.v1",
                  council,
                  envelope("ActionCreated", council, created(id, "1." + a, RAG[a % RAG.length]))));
        }
        for (int d = 0; d < DRIVERS; d++) {
          UUID driver = UUID.randomUUID();
          producer.send(
              new ProducerRecord<>(
                  "plans.driver.v1",
                  driver.toString(),
                  envelope(
                      "DriverSaved",
                      council,
                      driverSaved(
                          driver,
                          "OR " + d,
                          d % 3 == 0 ? null : firstActions.get(firstActions.size() - 1)))));
        }
        for (int m = 0; m < MEASURES; m++) {
          UUID measure = UUID.randomUUID();
          producer.send(
              new ProducerRecord<>(
                  "measures.value.v1",
                  council,
                  envelope("MeasureValueRecorded", council, measureRecorded(measure, m))));
          producer.send(
              new ProducerRecord<>(
                  "measures.value.v1",
                  council,
                  envelope("MeasureStatusChanged", council, measureStatus(measure, m))));
        }
      }
      producer.flush();
      long expected = (long) councils * actions;
      api.awaitGet(
          "/oversight/councils",
          observer,
          r ->
              r.status() == 200
                  && r.json().findValues("totalActions").stream().mapToLong(n -> n.asLong()).sum()
                      >= expected,
          Duration.ofMinutes(10));
      double loadSeconds = (System.nanoTime() - began) / 1e9;

      int readers = 20;
      int readsEach = 10;
      ExecutorService pool = Executors.newFixedThreadPool(readers);
      List<Future<List<Double>>> results = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        results.add(
            pool.submit(
                () -> {
                  List<Double> times = new ArrayList<>();
                  for (int i = 0; i < readsEach; i++) {
                    long t = System.nanoTime();
                    ApiResponse response = api.get("/oversight/councils?sort=red", observer);
                    if (response.status() != 200) {
                      throw new IllegalStateException(response.toString());
                    }
                    times.add((System.nanoTime() - t) / 1e6);
                  }
                  return times;
                }));
      }
      List<Double> dashboard = new ArrayList<>();
      for (Future<List<Double>> result : results) {
        dashboard.addAll(result.get());
      }
      pool.shutdown();

      // one reader alone: what a read costs without queueing behind the others
      List<Double> alone = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        long t = System.nanoTime();
        if (api.get("/oversight/councils?sort=red", observer).status() != 200) {
          throw new IllegalStateException("dashboard read failed");
        }
        alone.add((System.nanoTime() - t) / 1e6);
      }

      List<Double> freshness = new ArrayList<>();
      for (int i = 0; i < Math.min(50, councils); i++) {
        String council = "bench-" + run + "-" + i;
        UUID id = firstActions.get(i);
        long t = System.nanoTime();
        producer
            .send(
                new ProducerRecord<>(
                    "plans.action.v1",
                    council,
                    envelope("ActionProgressReported", council, reported(id, "1.0", "RED"))))
            .get();
        // polls every 5 ms (HubApi.awaitGet sleeps 100 ms, coarser than what is measured)
        long deadline = t + Duration.ofSeconds(60).toNanos();
        while (true) {
          ApiResponse r = api.get("/oversight/councils/" + council, observer);
          if (r.status() == 200 && redCount(r) > actions / RAG.length) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("never fresh: " + r);
          }
          Thread.sleep(5);
        }
        freshness.add((System.nanoTime() - t) / 1e6);
      }

      System.out.println();
      System.out.printf(
          "== Oversight bench: %d councils x %d actions (%d events), %d cores ==%n",
          councils, actions, expected, Runtime.getRuntime().availableProcessors());
      System.out.printf("Events to read model complete:                %.1f s%n", loadSeconds);
      System.out.println(
          "Observer dashboard, all councils ("
              + readers
              + " readers): "
              + Percentiles.of(dashboard).summary(50, 95));
      System.out.println(
          "Observer dashboard, all councils (1 reader):   "
              + Percentiles.of(alone).summary(50, 95));
      System.out.println(
          "Freshness, progress report to dashboard:      "
              + Percentiles.of(freshness).summary(50, 99));
      figures.root().put("eventsToReadModelSeconds", loadSeconds);
      figures
          .percentiles(
              figures.root(), "dashboardUnderReadersMs", Percentiles.of(dashboard), 50, 95, 99)
          .put("readers", readers);
      figures.percentiles(figures.root(), "dashboardAloneMs", Percentiles.of(alone), 50, 95, 99);
      figures.percentiles(figures.root(), "freshnessMs", Percentiles.of(freshness), 50, 99);
      // the growth runs leave the rebuild out (-Dbench.oversight.rebuild=false): no cost they fit
      // needs it, and at 500 councils it replays 150,000 events
      if (Boolean.parseBoolean(System.getProperty("bench.oversight.rebuild", "true"))) {
        String before = api.get("/oversight/councils?sort=name", observer).body();
        long rebuildBegan = System.nanoTime();
        // a rebuild of every event takes longer than HubApi's request timeout
        java.net.http.HttpResponse<String> rebuilt =
            java.net.http.HttpClient.newHttpClient()
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(oversight.baseUrl() + "/oversight/rebuild"))
                        .header("Authorization", "Bearer " + tokens.platformAdmin())
                        .timeout(Duration.ofMinutes(15))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        double rebuildSeconds = (System.nanoTime() - rebuildBegan) / 1e9;
        boolean identical =
            rebuilt.statusCode() == 200
                && api.get("/oversight/councils?sort=name", observer).body().equals(before);
        System.out.printf(
            "Rebuild from the topics (%s): %.1f s; dashboard identical after: %s%n",
            rebuilt.body(), rebuildSeconds, identical ? "yes" : "NO");
        figures
            .root()
            .put("rebuildSeconds", rebuildSeconds)
            .put("identicalAfterRebuild", identical);
      } else {
        System.out.println("Rebuild from the topics: not run (-Dbench.oversight.rebuild=false)");
      }
      figures.write();
    }
    System.exit(0);
  }

  private static long redCount(ApiResponse response) {
    for (var row : response.json().get("rag")) {
      if (row.get("status").asText().equals("RED")) {
        return row.get("count").asLong();
      }
    }
    return 0;
  }

  private static String driverSaved(UUID id, String ref, UUID answeredBy) {
    return ("{\"driverId\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"%s\","
            + "\"title\":\"Driver %s\",\"timeframe\":null,\"actionIds\":[%s]}")
        .formatted(id, ref, ref, answeredBy == null ? "" : "\"" + answeredBy + "\"");
  }

  private static String measureRecorded(UUID id, int m) {
    return ("{\"measureId\":\"%s\",\"measureName\":\"Measure %d\",\"unit\":\"PERCENT\","
            + "\"polarity\":\"HIGHER_IS_BETTER\",\"period\":\"%s\",\"value\":%d,"
            + "\"revision\":1,\"recordedAt\":\"%s\"}")
        .formatted(id, m, java.time.YearMonth.now(), 60 + m, Instant.now());
  }

  private static String measureStatus(UUID id, int m) {
    return ("{\"measureId\":\"%s\",\"measureName\":\"Measure %d\",\"period\":\"%s\","
            + "\"status\":\"%s\",\"value\":%d,\"target\":70,\"changedAt\":\"%s\"}")
        .formatted(id, m, java.time.YearMonth.now(), MEASURE_STATUS[m % 4], 60 + m, Instant.now());
  }

  private static String created(UUID id, String ref, String rag) {
    return ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leadName\":\"L\","
            + "\"leadEmail\":\"l@example.org\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\"}")
        .formatted(id, ref, ref, LocalDate.now().plusDays(30), rag);
  }

  private static String reported(UUID id, String ref, String rag) {
    return ("{\"action\":{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leads\":[],"
            + "\"dueDate\":\"%s\",\"ragStatus\":\"%s\"},\"period\":\"2026-11\",\"ragStatus\":\"%s\","
            + "\"reportedBy\":\"bench\",\"reportedAt\":\"%s\"}")
        .formatted(id, ref, ref, LocalDate.now().plusDays(30), rag, rag, Instant.now());
  }

  /** An event about the council as a whole: keyed and partitioned by the council. */
  private static String envelope(String type, String council, String data) {
    return BenchEvents.envelope(type, council, council, data);
  }
}
