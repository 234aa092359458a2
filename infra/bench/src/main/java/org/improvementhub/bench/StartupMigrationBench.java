package org.improvementhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.MigrationProcess;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Issue 9's figure: with N council schemas (default 153, England's children's services authorities
 * and more), per service, (1) the {@code migrate} run that brings every schema up from nothing (the
 * Helm Job on first install), (2) the same run again when nothing is left to do (every later
 * upgrade), and (3) the check a normal start-up makes of every council schema, and the time until
 * the service is healthy.
 *
 * <p>Run: {@code infra/bench/run-startup.sh [councils] [parallelism]}. Prints figures; asserts
 * nothing.
 */
public final class StartupMigrationBench {

  private static final Pattern RUN_LINE =
      Pattern.compile("Migration of \\S+ finished in (\\d+) ms");
  private static final Pattern CHECK_LINE =
      Pattern.compile("(\\d+) council schemas checked in (\\d+) ms");

  public static void main(String[] args) throws Exception {
    int councils = args.length > 0 ? Integer.parseInt(args[0]) : 153;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    BenchFigures figures = BenchFigures.of("startup", councils);
    figures.root().put("parallelism", parallelism);
    var perService = figures.root().putObject("services");
    Path root = Path.of("").toAbsolutePath();
    Path logs = root.resolve("infra/bench/target/startup-logs");
    Files.createDirectories(logs);
    TestInfrastructure infra = TestInfrastructure.shared();
    PostgresEndpoint database = infra.freshDatabase();
    createCouncilSchemas(database, councils);
    StackConfiguration configuration =
        new StackConfiguration(
            database,
            infra.kafkaBootstrapServers(),
            infra.mail(),
            1,
            Files.createTempDirectory("hub-bench").resolve("key.pem"),
            "admin@bench.test",
            "Bench-Admin-Password-1",
            "0 0 0 1 1 ?");
    List<String> rows = new ArrayList<>();
    // -Dbench.services=plans,measures times only those (a quick before/after of one change)
    List<String> only =
        List.of(System.getProperty("bench.services", "").split(",")).stream()
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    for (HubService service : HubService.all()) {
      if (!only.isEmpty() && !only.contains(service.name())) {
        continue;
      }
      Map<String, String> properties = new HashMap<>(configuration.propertiesFor(service));
      properties.put("hub.migration.parallelism", String.valueOf(parallelism));
      properties.put("hub.council-schemas.migration-parallelism", String.valueOf(parallelism));
      Timed first = migrate(service, root, properties, logs.resolve(service.name() + "-1.log"));
      Timed again = migrate(service, root, properties, logs.resolve(service.name() + "-2.log"));
      int port = FreePorts.next();
      properties.put("micronaut.server.port", String.valueOf(port));
      long began = System.nanoTime();
      String check;
      long healthyMillis;
      try (ServiceProcess process =
          ServiceProcess.start(service, port, root, properties, logs.resolve("started"))) {
        process.awaitHealthy(Duration.ofMinutes(5));
        healthyMillis = (System.nanoTime() - began) / 1_000_000;
        Matcher line = CHECK_LINE.matcher(Files.readString(process.log()));
        boolean found = line.find();
        check = found ? line.group(2) + " ms (" + line.group(1) + " schemas)" : "none";
        var one = perService.putObject(service.name());
        one.put("firstMigrateExit", first.exit).put("firstMigrateMs", first.runMillis);
        one.put("firstMigrateWallMs", first.wallMillis);
        one.put("againMigrateExit", again.exit).put("againMigrateMs", again.runMillis);
        one.put("againMigrateWallMs", again.wallMillis);
        if (found) {
          one.put("checkSchemas", Long.parseLong(line.group(1)));
          one.put("checkMs", Long.parseLong(line.group(2)));
        }
        one.put("healthyMs", healthyMillis);
      }
      rows.add(
          String.format(
              "%-14s %10s %14s %10s %14s %24s %12d",
              service.name(),
              first.exit,
              first.describe(),
              again.exit,
              again.describe(),
              check,
              healthyMillis));
    }
    System.out.printf(
        "%nStart-up migration with %d council schemas, parallelism %d (logs: %s)%n",
        councils, parallelism, logs);
    System.out.printf(
        "%-14s %10s %14s %10s %14s %24s %12s%n",
        "service",
        "1st exit",
        "1st migrate",
        "2nd exit",
        "2nd migrate",
        "start-up schema check",
        "healthy ms");
    rows.forEach(System.out::println);
    System.out.println(
        "\nmigrate columns: the run's own figure (platform + every council), then the process's"
            + " wall time including JVM start.");
    figures.write();
    System.exit(0);
  }

  private static Timed migrate(
      HubService service, Path root, Map<String, String> properties, Path log) {
    long began = System.nanoTime();
    MigrationProcess run =
        MigrationProcess.start(service, root, properties, List.of("migrate"), log);
    int exit = run.awaitExit(1800);
    long wall = (System.nanoTime() - began) / 1_000_000;
    Matcher line = RUN_LINE.matcher(run.output());
    return new Timed(exit, line.find() ? Long.parseLong(line.group(1)) : -1, wall);
  }

  private record Timed(int exit, long runMillis, long wallMillis) {
    String describe() {
      return runMillis + "/" + wallMillis + " ms";
    }
  }

  private static void createCouncilSchemas(PostgresEndpoint database, int councils)
      throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      for (int i = 1; i <= councils; i++) {
        statement.execute(String.format("CREATE SCHEMA council_bench_%03d", i));
      }
    }
  }
}
