package org.improvementhub.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.improvementhub.bench.BenchFigures;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.testsupport.http.HubApi;

/**
 * Issue 13's start row, measured as a pod restart sees it: the whole stack is up (database, broker,
 * mail and every other service, with a few councils provisioned), then one service at a time is
 * stopped and started again, and the time from {@code exec} to its first healthy answer ({@code
 * /health} 200: database and broker reachable, server listening) is taken, several times; the
 * median is the figure. Beside it, the time each took when all six started together on the same
 * cores (the old figure, labelled so). From each start's log it also prints when, after {@code
 * exec}, the milestones of a start were reached: first log line (the JVM and logging up), the
 * platform schema migrated (Flyway), the Kafka listeners subscribed, the council schemas checked,
 * Micronaut's context started and the server running, then healthy.
 *
 * <p>Run: {@code infra/bench/run-start.sh [starts per service, default 5] [councils, default 4]}.
 * With {@code HUB_SERVICE_CDS=<folder>} the services use class data sharing archives (made by the
 * first start of each when missing; see local-stack's {@code ClassDataSharing}). Prints figures;
 * asserts nothing.
 */
public final class ServiceStartBench {

  private static final Pattern TIME = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) ");

  /** Milestones of a start, each found by the first (or last) log line matching it. */
  private static final Map<String, Milestone> MILESTONES = new LinkedHashMap<>();

  static {
    MILESTONES.put("firstLogLine", new Milestone(Pattern.compile("."), false));
    MILESTONES.put(
        "platformSchemaMigrated", new Milestone(Pattern.compile("ServiceSchema - Schema"), true));
    MILESTONES.put(
        "kafkaListenersSubscribed",
        new Milestone(Pattern.compile("Kafka listener \\[.*\\] subscribed"), true));
    MILESTONES.put(
        "councilSchemasChecked", new Milestone(Pattern.compile("council schemas checked"), false));
    MILESTONES.put("contextStarted", new Milestone(Pattern.compile("Startup completed in"), false));
  }

  private record Milestone(Pattern line, boolean last) {}

  /**
   * Run through {@code BenchLauncher} ({@code run-start.sh} does): a failure is printed there, the
   * processes this bench started are stopped and the JVM exits 1, as for every other bench.
   */
  public static void main(String[] args) throws Exception {
    int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int councils = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path root = Path.of("").toAbsolutePath();
    Path logs = root.resolve("infra/bench/target/start-logs");
    Files.createDirectories(logs);
    BenchFigures figures = BenchFigures.of("start", councils);
    figures.root().put("startsPerService", starts);
    figures.root().put("classDataSharing", cdsFolder());
    figures.root().put("javaOptions", String.valueOf(System.getenv("HUB_SERVICE_JAVA_OPTS")));
    try (LoadStack stack = LoadStack.start(root, logs)) {
      ObjectNode together = figures.root().putObject("allStartedTogetherMs");
      stack.secondsToHealthy().forEach((name, s) -> together.put(name, Math.round(s * 1000)));
      provision(stack, councils);
      if (cdsFolder() != null) {
        // the first start of each recorded its archive, written when it stops: one restart each
        // puts them in place before anything is timed
        for (HubService service : everyService()) {
          stack.services().put(service.name(), restartAndTime(stack, service).process());
        }
      }
      ObjectNode alone = figures.root().putObject("alone");
      Map<String, String> rows = new LinkedHashMap<>();
      for (HubService service : everyService()) {
        List<Map<String, Long>> each = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
          Timed timed = restartAndTime(stack, service);
          stack.services().put(service.name(), timed.process());
          each.add(timed.milestones());
        }
        ObjectNode one = alone.putObject(service.name());
        Map<String, Long> medians = new LinkedHashMap<>();
        for (String milestone : each.get(0).keySet()) {
          List<Long> values = new ArrayList<>();
          each.forEach(m -> values.add(m.getOrDefault(milestone, -1L)));
          values.sort(Long::compare);
          long median = values.get(values.size() / 2);
          medians.put(milestone, median);
          one.put(milestone + "Ms", median);
        }
        List<Long> healthy = new ArrayList<>();
        each.forEach(m -> healthy.add(m.get("healthy")));
        one.putPOJO("healthyEachMs", healthy);
        rows.put(service.name(), describe(medians, healthy));
        System.out.printf("%-14s %s%n", service.name(), rows.get(service.name()));
      }
      System.out.printf(
          "%nStart of each service alone (the rest of the stack up, %d councils), %d starts"
              + " each, medians in ms after exec (load average %s; class data sharing: %s)%n",
          councils, starts, Machine.loadAverage(), cdsFolder() == null ? "off" : cdsFolder());
      System.out.println(
          "service        first log / platform schema / kafka listeners / council check /"
              + " context started / HEALTHY   (each start's healthy)");
      rows.forEach((name, row) -> System.out.printf("%-14s %s%n", name, row));
      System.out.println(
          "\nAll six started together (the old figure), ms to healthy: "
              + figures.root().get("allStartedTogetherMs"));
    }
    figures.write();
  }

  /** The five services and the portal. */
  private static List<HubService> everyService() {
    List<HubService> all = new ArrayList<>(HubService.all());
    all.add(HubService.PORTAL);
    return all;
  }

  private static String cdsFolder() {
    String folder = System.getenv(ServiceProcess.CDS_FOLDER);
    return folder == null || folder.isBlank() ? System.getProperty("hub.service.cds") : folder;
  }

  private static String describe(Map<String, Long> medians, List<Long> healthy) {
    StringBuilder row = new StringBuilder();
    for (String milestone : MILESTONES.keySet()) {
      long value = medians.getOrDefault(milestone, -1L);
      row.append(value < 0 ? "-" : String.valueOf(value)).append(" / ");
    }
    return row.append("HEALTHY ")
        .append(medians.get("healthy"))
        .append("   ")
        .append(healthy)
        .toString();
  }

  private record Timed(ServiceProcess process, Map<String, Long> milestones) {}

  /** Restarts the service and times it: the milestones in ms after exec, {@code healthy} last. */
  private static Timed restartAndTime(LoadStack stack, HubService service) throws Exception {
    ServiceProcess old = stack.services().get(service.name());
    old.stop();
    long logFrom = Files.exists(old.log()) ? Files.size(old.log()) : 0;
    ServiceProcess process = old.restart();
    Instant exec = process.startedAt();
    long healthyMs = awaitHealthy(process, exec);
    Map<String, Long> milestones = milestones(process.log(), logFrom, exec);
    milestones.put("healthy", healthyMs);
    return new Timed(process, milestones);
  }

  /**
   * Polls {@code /health} every 20 ms (Awaitility, as the other benches and tests wait): the figure
   * is to the nearest tens of milliseconds. Healthy means ready: database and broker reachable,
   * server listening, migrations done (they run before the server is bound).
   */
  private static long awaitHealthy(ServiceProcess process, Instant exec) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(process.baseUrl() + "/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Duration limit = Duration.ofSeconds(Long.getLong("bench.start-seconds", 180));
    Awaitility.await(process.service().name() + " healthy (log: " + process.log() + ")")
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .atMost(limit)
        .until(() -> healthy(process, http, health));
    return Duration.between(exec, Instant.now()).toMillis();
  }

  private static boolean healthy(ServiceProcess process, HttpClient http, HttpRequest health)
      throws InterruptedException {
    if (!process.isAlive()) {
      throw new IllegalStateException(process.service().name() + " exited; see " + process.log());
    }
    try {
      return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  private static Map<String, Long> milestones(Path log, long from, Instant exec)
      throws IOException {
    byte[] all = Files.readAllBytes(log);
    String text =
        new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from));
    LocalDate day = exec.atZone(ZoneId.systemDefault()).toLocalDate();
    Map<String, Long> found = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher time = TIME.matcher(line);
      if (!time.find()) {
        continue;
      }
      Instant at =
          LocalTime.parse(time.group(1)).atDate(day).atZone(ZoneId.systemDefault()).toInstant();
      long ms = Duration.between(exec, at).toMillis();
      MILESTONES.forEach(
          (name, milestone) -> {
            if (milestone.line().matcher(line).find()
                && (milestone.last() || !found.containsKey(name))) {
              found.put(name, ms);
            }
          });
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    MILESTONES.keySet().forEach(name -> ordered.put(name, found.getOrDefault(name, -1L)));
    return ordered;
  }

  private static void provision(LoadStack stack, int councils) {
    HubApi tenancy = stack.api(HubService.TENANCY);
    String admin = stack.adminToken();
    for (int i = 1; i <= councils; i++) {
      String slug = String.format("start-%03d", i);
      var created =
          tenancy.post(
              "/councils",
              admin,
              "{\"slug\":\"%s\",\"name\":\"Start %d\",\"laCode\":%d}".formatted(slug, i, 100 + i));
      if (created.status() != 201) {
        throw new IllegalStateException("Expected 201: " + created);
      }
    }
    for (int i = 1; i <= councils; i++) {
      tenancy.awaitGet(
          "/councils/" + String.format("start-%03d", i),
          admin,
          r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
          Duration.ofSeconds(120));
    }
  }
}
