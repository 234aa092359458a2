package org.improvementhub.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.Portal;
import org.improvementhub.localstack.PortalSignIn;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Issue 8's figures: the portal's programme overview and plan pages rendered for 20 concurrent
 * signed-in people, each with a session of their own, against tenancy and plans in their own JVMs
 * holding Walsall's demo plan (58 actions). Each request is a whole page: the portal's session
 * check, its calls to the plans API with the person's token, and the Thymeleaf render.
 *
 * <p>Run: {@code infra/bench/run-portal.sh [users, default 20] [pages per user and page type,
 * default 50]}
 */
public final class PortalBench {

  private static final String ADMIN = "admin@bench.test";
  private static final String ADMIN_PASSWORD = "Bench-Admin-Password-1";
  private static final String PASSWORD = "Bench-User-Password-1";

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int pagesEach = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path root = Path.of("").toAbsolutePath();
    Path logs = root.resolve("infra/bench/target/bench-logs");
    TestInfrastructure infra = TestInfrastructure.shared();
    int tenancyPort = FreePorts.next();
    StackConfiguration configuration =
        new StackConfiguration(
            infra.freshDatabase(),
            infra.kafkaBootstrapServers(),
            infra.mail(),
            tenancyPort,
            Files.createTempDirectory("hub-bench").resolve("key.pem"),
            ADMIN,
            ADMIN_PASSWORD,
            "0 0 0 1 1 ?");
    List<ServiceProcess> services = new ArrayList<>();
    try {
      Map<String, String> tenancyProperties = configuration.propertiesFor(HubService.TENANCY);
      tenancyProperties.put("hub.provisioning.required-services", "plans");
      services.add(
          ServiceProcess.start(HubService.TENANCY, tenancyPort, root, tenancyProperties, logs));
      services.add(
          ServiceProcess.start(
              HubService.PLANS,
              FreePorts.next(),
              root,
              configuration.propertiesFor(HubService.PLANS),
              logs));
      ServiceProcess portal = Portal.start(FreePorts.next(), root, services, logs);
      services.add(portal);
      services.forEach(s -> s.awaitHealthy(Duration.ofSeconds(180)));

      String council = TestCouncils.uniqueSlug("walsall");
      String manager = demoCouncil(services.get(0).baseUrl(), services.get(1).baseUrl(), council);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI base = URI.create(portal.baseUrl());
      PortalSignIn signIns = new PortalSignIn(portal.baseUrl());
      List<String> sessions = new ArrayList<>();
      for (int u = 0; u < users; u++) {
        sessions.add(signIns.signIn(manager, PASSWORD));
      }
      String overview = "/councils/" + council;
      String plan = "/councils/" + council + "/plan";
      int planBytes = page(http, base, plan, sessions.get(0)).length();
      // warm up both pages so the figures are not the JIT's first pass
      for (int i = 0; i < 30; i++) {
        page(http, base, overview, sessions.get(0));
        page(http, base, plan, sessions.get(0));
      }
      List<Double> overviewAlone = timed(http, base, overview, List.of(sessions.get(0)), 50);
      List<Double> planAlone = timed(http, base, plan, List.of(sessions.get(0)), 50);
      long began = System.nanoTime();
      List<Double> overviewLoaded = timed(http, base, overview, sessions, pagesEach);
      double overviewSeconds = (System.nanoTime() - began) / 1e9;
      began = System.nanoTime();
      List<Double> planLoaded = timed(http, base, plan, sessions, pagesEach);
      double planSeconds = (System.nanoTime() - began) / 1e9;

      System.out.println();
      System.out.println(
          "Portal bench (portal, tenancy and plans each in its own JVM, embedded PostgreSQL +"
              + " Kafka; Walsall's demo plan, 58 actions)");
      System.out.println(
          "  machine: "
              + Runtime.getRuntime().availableProcessors()
              + " cores, load average (1/5/15 min) "
              + loadAverage());
      System.out.printf(
          "  overview, one person alone: %s%n", Percentiles.of(overviewAlone).summary(50, 95));
      System.out.printf(
          "  overview, %d people at once: %s, %.0f pages/s%n",
          users,
          Percentiles.of(overviewLoaded).summary(50, 95, 99),
          overviewLoaded.size() / overviewSeconds);
      System.out.printf(
          "  plan tree (%d KB), one person alone: %s%n",
          planBytes / 1024, Percentiles.of(planAlone).summary(50, 95));
      System.out.printf(
          "  plan tree, %d people at once: %s, %.0f pages/s%n",
          users, Percentiles.of(planLoaded).summary(50, 95, 99), planLoaded.size() / planSeconds);
    } finally {
      services.parallelStream().forEach(ServiceProcess::stop);
    }
    System.exit(0);
  }

  /** A council with Walsall's demo plan and a programme manager; returns their email. */
  private static String demoCouncil(String tenancyUrl, String plansUrl, String council) {
    HubApi tenancy = new HubApi(tenancyUrl);
    HubApi plans = new HubApi(plansUrl);
    String admin = DemoCouncils.login(tenancy, ADMIN, ADMIN_PASSWORD);
    expect(
        tenancy.post(
            "/councils",
            admin,
            "{\"slug\":\"%s\",\"name\":\"Walsall Council\",\"laCode\":335}".formatted(council)),
        201);
    tenancy.awaitGet(
        "/councils/" + council,
        admin,
        r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
        Duration.ofSeconds(120));
    String manager = "pm@" + council + ".bench";
    expect(
        tenancy.post(
            "/councils/" + council + "/users",
            admin,
            ("{\"email\":\"%s\",\"displayName\":\"Programme Manager\",\"password\":\"%s\","
                    + "\"roles\":[\"PROGRAMME_MANAGER\"]}")
                .formatted(manager, PASSWORD)),
        201);
    expect(
        plans.send(
            plans
                .request(
                    "/councils/" + council + "/programmes/import",
                    DemoCouncils.login(tenancy, manager, PASSWORD))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(DemoCouncils.planFile("walsall")))),
        201);
    return manager;
  }

  /** Each session asks for {@code path} {@code times} times, all sessions at once. */
  private static List<Double> timed(
      HttpClient http, URI base, String path, List<String> sessions, int times) throws Exception {
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String session : sessions) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < times; i++) {
                    long start = System.nanoTime();
                    page(http, base, path, session);
                    millis.add((System.nanoTime() - start) / 1e6);
                  }
                  return null;
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    return millis;
  }

  private static String page(HttpClient http, URI base, String path, String session)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Cookie", session)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + page.statusCode());
    }
    return page.body();
  }

  private static void expect(ApiResponse response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("Expected " + status + ": " + response);
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
