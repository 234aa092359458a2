package org.improvementhub.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Issue 5's figures: per council, 100 measures × 60 months of values (each with a two-step
 * trajectory) loaded through the measures API (definitions, then the values import), then the
 * time-series read ({@code GET …/measures/{id}/series} over all 60 months) p50/p99 from one reader
 * and from several at once, and the measure list (each measure's current status and trend).
 *
 * <p>Run: {@code infra/bench/run-measures.sh [councils, default 2] [measures, default 100] [months,
 * default 60] [reads per council, default 500] [readers, default 4]}
 */
public final class MeasuresBench {

  private static final int ROWS_PER_IMPORT = 1000;

  public static void main(String[] args) throws Exception {
    int councils = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int measures = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int months = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int reads = args.length > 3 ? Integer.parseInt(args[3]) : 500;
    int readers = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    TestInfrastructure infra = TestInfrastructure.shared();
    TestTokens tokens = TestTokens.shared();
    PostgresEndpoint database = infra.freshDatabase();
    Map<String, String> properties =
        BenchedService.properties(
            HubService.MEASURES, BenchedService.stack(database, infra.mail()));
    // the last full month is the newest period; values may not be filed in the future
    YearMonth last = YearMonth.now().minusMonths(1);
    YearMonth first = last.minusMonths(months - 1L);
    try (ServiceProcess service = BenchedService.start(HubService.MEASURES, properties)) {
      service.awaitHealthy(Duration.ofSeconds(180));
      HubApi api = new HubApi(service.baseUrl());
      System.out.printf(
          "%nMeasures bench: %d councils x %d measures x %d months (%s to %s)%n",
          councils, measures, months, first, last);
      List<Double> single = new ArrayList<>();
      List<Double> concurrent = new ArrayList<>();
      List<Double> lists = new ArrayList<>();
      for (int c = 0; c < councils; c++) {
        String council = TestCouncils.uniqueSlug("bench");
        String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
        TestCouncils.provision(database, council, "Bench council " + c, 100 + c);
        api.awaitGet(
            "/councils/" + council + "/measures",
            manager,
            response -> response.status() == 200,
            Duration.ofSeconds(120));
        long loadBegan = System.nanoTime();
        List<String> ids = define(api, council, manager, measures, first);
        long defined = System.nanoTime();
        int rows = loadValues(api, council, manager, ids, first, months, new Random(c));
        long loaded = System.nanoTime();
        System.out.printf(
            "  %s: %d measures defined in %.1f s; %d values imported in %.1f s (%.0f rows/s)%n",
            council,
            ids.size(),
            (defined - loadBegan) / 1e9,
            rows,
            (loaded - defined) / 1e9,
            rows / ((loaded - defined) / 1e9));

        String query = "/series?from=" + first + "&to=" + last;
        Random pick = new Random(42 + c);
        for (int w = 0; w < 50; w++) {
          // warm the JIT and the connection pool before timing
          api.get(seriesPath(council, ids.get(pick.nextInt(ids.size()))) + query, manager);
        }
        ApiResponse check = api.get(seriesPath(council, ids.get(0)) + query, manager);
        if (check.status() != 200 || check.json().get("points").size() != months) {
          throw new IllegalStateException("Unexpected series answer: " + check);
        }
        for (int r = 0; r < reads; r++) {
          String path = seriesPath(council, ids.get(pick.nextInt(ids.size()))) + query;
          single.add(timed(() -> api.get(path, manager)));
        }
        concurrent.addAll(concurrently(readers, reads, council, ids, query, manager, api));
        for (int r = 0; r < Math.max(20, reads / 10); r++) {
          lists.add(timed(() -> api.get("/councils/" + council + "/measures", manager)));
        }
      }
      System.out.println(
          "  series read, 1 reader:        " + Percentiles.of(single).summary(50, 99));
      System.out.println(
          "  series read, "
              + readers
              + " readers:       "
              + Percentiles.of(concurrent).summary(50, 99));
      System.out.println(
          "  measure list ("
              + measures
              + " with status): "
              + Percentiles.of(lists).summary(50, 99));
    }
    // the embedded infrastructure's threads would keep the JVM alive
    System.exit(0);
  }

  private static String seriesPath(String council, String id) {
    return "/councils/" + council + "/measures/" + id;
  }

  private static List<String> define(
      HubApi api, String council, String manager, int measures, YearMonth first) {
    List<String> ids = new ArrayList<>();
    for (int m = 0; m < measures; m++) {
      boolean lower = m % 3 == 0;
      ApiResponse created =
          api.post(
              "/councils/" + council + "/measures",
              manager,
              ("{\"name\":\"Bench measure %d\",\"definition\":\"A measure for the bench\","
                      + "\"unit\":\"PERCENT\",\"polarity\":\"%s\",\"frequency\":\"MONTHLY\","
                      + "\"tolerance\":3,\"targets\":[{\"from\":\"%s\",\"value\":%d},"
                      + "{\"from\":\"%s\",\"value\":%d}]}")
                  .formatted(
                      m,
                      lower ? "LOWER_IS_BETTER" : "HIGHER_IS_BETTER",
                      first.plusMonths(6),
                      lower ? 30 : 70,
                      first.plusMonths(30),
                      lower ? 20 : 85));
      if (created.status() != 201) {
        throw new IllegalStateException("Could not define a measure: " + created);
      }
      ids.add(created.json().get("id").asText());
    }
    return ids;
  }

  private static int loadValues(
      HubApi api,
      String council,
      String manager,
      List<String> ids,
      YearMonth first,
      int months,
      Random random) {
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      double value = 40 + random.nextDouble() * 30;
      for (int i = 0; i < months; i++) {
        value = Math.max(0, Math.min(100, value + random.nextGaussian() * 2));
        rows.add(id + "," + first.plusMonths(i) + "," + String.format("%.1f", value));
      }
    }
    for (int from = 0; from < rows.size(); from += ROWS_PER_IMPORT) {
      String csv =
          "measure,period,value\n"
              + String.join("\n", rows.subList(from, Math.min(rows.size(), from + ROWS_PER_IMPORT)))
              + "\n";
      ApiResponse imported =
          api.send(
              api.request("/councils/" + council + "/measures/values/import", manager)
                  .timeout(Duration.ofMinutes(10))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(csv)));
      if (imported.status() != 200) {
        throw new IllegalStateException("Could not import values: " + imported);
      }
    }
    return rows.size();
  }

  private static List<Double> concurrently(
      int readers,
      int reads,
      String council,
      List<String> ids,
      String query,
      String manager,
      HubApi api)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      List<Future<List<Double>>> results = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        Random pick = new Random(r);
        results.add(
            pool.submit(
                () -> {
                  List<Double> times = new ArrayList<>();
                  for (int i = 0; i < reads / readers; i++) {
                    String path = seriesPath(council, ids.get(pick.nextInt(ids.size()))) + query;
                    times.add(timed(() -> api.get(path, manager)));
                  }
                  return times;
                }));
      }
      List<Double> all = Collections.synchronizedList(new ArrayList<>());
      for (Future<List<Double>> result : results) {
        all.addAll(result.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static double timed(java.util.function.Supplier<ApiResponse> call) {
    long began = System.nanoTime();
    ApiResponse response = call.get();
    double millis = (System.nanoTime() - began) / 1e6;
    if (response.status() != 200) {
      throw new IllegalStateException("Unexpected answer: " + response);
    }
    return millis;
  }

  private MeasuresBench() {}
}
