package org.improvementhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.mail.MailInbox;

/**
 * Issue 3's figures, for N councils (default 50): provisioning time per council (POST to ACTIVE,
 * p50/p95), the time each service takes to check every council schema on start-up, and the latency
 * from an overdue scan to the email being accepted by SMTP (p50/p99).
 *
 * <p>Run: {@code infra/bench/run.sh [councils]}
 */
public final class FoundationBench {

  private static final String ADMIN = "admin@bench.test";
  private static final String PASSWORD = "Bench-Admin-Password-1";
  private static final Pattern MIGRATION_LINE =
      Pattern.compile("(\\d+) council schemas checked in (\\d+) ms");

  public static void main(String[] args) throws Exception {
    int councils = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    BenchFigures figures = BenchFigures.of("foundation", councils);
    Path root = Path.of("").toAbsolutePath();
    Path logs = root.resolve("infra/bench/target/bench-logs");
    deleteLogs(logs);
    TestInfrastructure infra = TestInfrastructure.shared();
    PostgresEndpoint database = infra.freshDatabase();
    Map<String, Integer> ports = new HashMap<>();
    for (HubService service : HubService.all()) {
      ports.put(service.name(), FreePorts.next());
    }
    StackConfiguration configuration =
        new StackConfiguration(
            database,
            infra.kafkaBootstrapServers(),
            infra.mail(),
            ports.get("tenancy"),
            Files.createTempDirectory("hub-bench").resolve("key.pem"),
            ADMIN,
            PASSWORD,
            "0 0 0 1 1 ?");
    Map<String, ServiceProcess> services = new HashMap<>();
    try {
      for (HubService service : HubService.all()) {
        services.put(service.name(), start(service, ports, root, configuration, logs));
      }
      for (ServiceProcess process : services.values()) {
        process.awaitHealthy(BenchedService.START);
      }
      HubApi tenancy = new HubApi(services.get("tenancy").baseUrl());
      HubApi plans = new HubApi(services.get("plans").baseUrl());
      String admin = DemoCouncils.login(tenancy, ADMIN, PASSWORD);
      String run = UUID.randomUUID().toString().substring(0, 4);

      List<String> slugs = new ArrayList<>();
      List<Double> provisioning = new ArrayList<>();
      for (int i = 0; i < councils; i++) {
        String slug = "bench-" + run + "-" + i;
        slugs.add(slug);
        long began = System.nanoTime();
        ApiResponse created =
            tenancy.post(
                "/councils",
                admin,
                "{\"slug\":\"%s\",\"name\":\"Bench council %d\",\"laCode\":%d}"
                    .formatted(slug, i, 100 + i));
        if (created.status() != 201) {
          throw new IllegalStateException("Provisioning failed: " + created);
        }
        tenancy.awaitGet(
            "/councils/" + slug,
            admin,
            r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
            Duration.ofSeconds(60));
        provisioning.add((System.nanoTime() - began) / 1e6);
      }

      Map<String, long[]> startupMigration = new HashMap<>();
      for (String name : List.of("plans", "measures", "notifications")) {
        services.get(name).stop();
        HubService service =
            HubService.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
        Files.writeString(logs.resolve(name + ".log"), "");
        services.put(name, start(service, ports, root, configuration, logs));
        services.get(name).awaitHealthy(BenchedService.START);
        startupMigration.put(name, lastMigrationLine(logs.resolve(name + ".log")));
      }

      MailInbox inbox = new MailInbox(infra.mail());
      List<Double> scanToEmail = new ArrayList<>();
      // the growth runs time a sample (-Dbench.foundation.scan-councils=20): no cost they fit
      // needs every council's scan, one after another
      int scanned = Integer.getInteger("bench.foundation.scan-councils", councils);
      for (String slug : slugs.subList(0, Math.min(scanned, slugs.size()))) {
        String lead = "lead-" + run + "@" + slug + ".example";
        ApiResponse action =
            plans.post(
                "/councils/" + slug + "/actions",
                admin,
                "{\"ref\":\"1.1\",\"title\":\"Bench action\",\"lead\":{\"name\":\"Lead\",\"email\":\"%s\"},\"dueDate\":\"%s\"}"
                    .formatted(lead, LocalDate.now().minusDays(2)));
        if (action.status() != 201) {
          throw new IllegalStateException("Action failed: " + action);
        }
        long began = System.nanoTime();
        plans.post("/councils/" + slug + "/overdue-scans", admin, "");
        long deadline = began + Duration.ofSeconds(60).toNanos();
        while (inbox.read(lead).isEmpty()) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("No email for " + lead);
          }
          Thread.sleep(10);
        }
        scanToEmail.add((System.nanoTime() - began) / 1e6);
      }

      System.out.println();
      System.out.println(
          "== Foundation bench: "
              + councils
              + " councils, "
              + Runtime.getRuntime().availableProcessors()
              + " cores ==");
      System.out.println(
          "Provisioning (POST /councils to ACTIVE):   "
              + Percentiles.of(provisioning).summary(50, 95));
      startupMigration.forEach(
          (name, line) ->
              System.out.printf(
                  "Start-up migration check, %-14s %s%n",
                  name + ":",
                  line == null ? "not found in log" : line[0] + " councils in " + line[1] + " ms"));
      System.out.println(
          "Overdue scan to email accepted (IMAP):     "
              + Percentiles.of(scanToEmail).summary(50, 99));
      figures.percentiles(
          figures.root(), "provisioningMs", Percentiles.of(provisioning), 50, 95, 99);
      var checks = figures.root().putObject("startupMigrationCheck");
      startupMigration.forEach(
          (name, line) -> {
            if (line != null) {
              checks.putObject(name).put("schemas", line[0]).put("ms", line[1]);
            }
          });
      figures.percentiles(figures.root(), "scanToEmailMs", Percentiles.of(scanToEmail), 50, 99);
      figures.write();
    } finally {
      services.values().parallelStream().forEach(ServiceProcess::stop);
    }
    System.exit(0);
  }

  private static ServiceProcess start(
      HubService service,
      Map<String, Integer> ports,
      Path root,
      StackConfiguration configuration,
      Path logs) {
    return ServiceProcess.start(
        service, ports.get(service.name()), root, configuration.propertiesFor(service), logs);
  }

  /** The last "N council schemas checked in M ms" of the log as {N, M}, or null. */
  private static long[] lastMigrationLine(Path log) throws IOException {
    Matcher last = null;
    for (String line : Files.readAllLines(log)) {
      Matcher matcher = MIGRATION_LINE.matcher(line);
      if (matcher.find()) {
        last = matcher;
      }
    }
    return last == null
        ? null
        : new long[] {Long.parseLong(last.group(1)), Long.parseLong(last.group(2))};
  }

  private static void deleteLogs(Path logs) throws IOException {
    if (Files.isDirectory(logs)) {
      try (var files = Files.list(logs)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
