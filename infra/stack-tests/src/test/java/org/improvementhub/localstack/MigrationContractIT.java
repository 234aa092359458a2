package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The chart's migration contract (helm/improvement-hub/README.md), each service run as its own
 * process with the argument {@code migrate}: it migrates its platform schema and every council
 * schema, logs one line per council, opens no port, exits 0 (or non-zero naming the failed
 * councils), and a second run changes nothing.
 */
class MigrationContractIT {

  private final TestInfrastructure infra = TestInfrastructure.shared();
  private static final Path ROOT = copyOfTheBuiltServices();
  private final Path root = ROOT;
  private final Path logs = Path.of(System.getProperty("user.dir"), "target", "process-logs");

  @Test
  void plansMigratesEveryCouncilOpensNoPortAndASecondRunChangesNothing() throws Exception {
    PostgresEndpoint database = infra.freshDatabase();
    List<String> councils =
        List.of(
            TestCouncils.uniqueSlug("walsall"),
            TestCouncils.uniqueSlug("durham"),
            TestCouncils.uniqueSlug("sefton"));
    for (String council : councils) {
      execute(database, "CREATE SCHEMA " + schemaOf(council));
    }
    int port = FreePorts.next();
    Map<String, String> properties = properties(database, port);

    MigrationProcess first =
        MigrationProcess.start(
            HubService.PLANS, root, properties, List.of("migrate"), logs.resolve("plans-1.log"));
    boolean portAnswered = false;
    while (first.isAlive()) {
      portAnswered |= answers(port);
      Thread.sleep(50);
    }
    int firstExit = first.awaitExit(120);

    assertThat(firstExit).as(first.output()).isZero();
    assertThat(portAnswered).as("the migration run opened its HTTP port").isFalse();
    assertThat(first.output()).doesNotContain("Server Running").doesNotContain("outbox-relay");
    for (String council : councils) {
      assertThat(first.output())
          .containsOnlyOnce("Council " + council + " schema migrated for plans from version none");
      assertThat(tableExists(database, schemaOf(council), "improvement_action")).isTrue();
      assertThat(
              count(database, "SELECT count(*) FROM plans.council WHERE slug = '" + council + "'"))
          .isEqualTo(1);
    }
    String latest = latestVersion(database, schemaOf(councils.get(0)), "flyway_history_plans");

    MigrationProcess second =
        MigrationProcess.start(
            HubService.PLANS, root, properties, List.of("migrate"), logs.resolve("plans-2.log"));

    assertThat(second.awaitExit(120)).as(second.output()).isZero();
    for (String council : councils) {
      assertThat(second.output())
          .contains(
              "Council "
                  + council
                  + " schema migrated for plans from version "
                  + latest
                  + " to "
                  + latest);
    }
    assertThat(
            count(
                database,
                "SELECT count(*) FROM "
                    + schemaOf(councils.get(0))
                    + ".flyway_history_plans WHERE success"))
        .isEqualTo(
            count(
                database,
                "SELECT count(*) FROM "
                    + schemaOf(councils.get(1))
                    + ".flyway_history_plans WHERE success"));
  }

  @Test
  void aCouncilThatFailsIsNamedAndTheRunExitsNonZeroAfterMigratingTheOthers() throws Exception {
    PostgresEndpoint database = infra.freshDatabase();
    String healthy = TestCouncils.uniqueSlug("healthy");
    String broken = TestCouncils.uniqueSlug("broken");
    execute(database, "CREATE SCHEMA " + schemaOf(healthy));
    execute(database, "CREATE SCHEMA " + schemaOf(broken));
    // something already sits where plans' first migration creates its table
    execute(database, "CREATE VIEW " + schemaOf(broken) + ".improvement_action AS SELECT 1 AS id");

    MigrationProcess run =
        MigrationProcess.start(
            HubService.PLANS,
            root,
            properties(database, FreePorts.next()),
            List.of("migrate"),
            logs.resolve("plans-broken.log"));

    assertThat(run.awaitExit(120)).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains("Council " + healthy + " schema migrated for plans")
        .contains("failed for 1 council(s): " + broken);
    assertThat(tableExists(database, schemaOf(healthy), "improvement_action")).isTrue();
  }

  @Test
  void everyServiceMeetsTheContractAlsoWhenAskedThroughTheMigrateEnvironment() throws Exception {
    PostgresEndpoint database = infra.freshDatabase();
    String council = TestCouncils.uniqueSlug("everyone");
    execute(database, "CREATE SCHEMA " + schemaOf(council));
    for (HubService service : HubService.all()) {
      Map<String, String> properties = properties(database, FreePorts.next());
      properties.put("micronaut.environments", "migrate");

      MigrationProcess run =
          MigrationProcess.start(
              service, root, properties, List.of(), logs.resolve(service.name() + "-env.log"));

      assertThat(run.awaitExit(120)).as(service.name() + ": " + run.output()).isZero();
      assertThat(run.output()).contains("Migration of " + service.name() + " finished");
      assertThat(tableExists(database, service.name(), "outbox_event"))
          .as(service.name() + " platform schema")
          .isTrue();
    }
    assertThat(tableExists(database, schemaOf(council), "improvement_action")).isTrue();
  }

  private Map<String, String> properties(PostgresEndpoint database, int port) {
    Map<String, String> properties = new HashMap<>();
    properties.put("datasources.default.url", database.jdbcUrl());
    properties.put("datasources.default.username", database.user());
    properties.put("datasources.default.password", database.password());
    properties.put("micronaut.server.port", String.valueOf(port));
    // nothing may reach Kafka: a run that tried would hang on this address, not succeed
    properties.put("kafka.bootstrap.servers", "127.0.0.1:1");
    properties.put("hub.migration.parallelism", "2");
    return properties;
  }

  /** The council's schema, named as CouncilSlug names it. */
  private static String schemaOf(String council) {
    return "council_" + council.replace('-', '_');
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 20);
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private static void execute(PostgresEndpoint database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(PostgresEndpoint database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static boolean tableExists(PostgresEndpoint database, String schema, String table)
      throws SQLException {
    return count(
            database,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + schema
                + "' AND table_name = '"
                + table
                + "' AND table_type = 'BASE TABLE'")
        == 1;
  }

  private static String latestVersion(PostgresEndpoint database, String schema, String history)
      throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version FROM "
                    + schema
                    + "."
                    + history
                    + " WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Connection connect(PostgresEndpoint database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  private static Path copyOfTheBuiltServices() {
    try {
      return BuiltServices.copyFrom(
          Path.of(System.getProperty("user.dir")).resolve("../..").normalize(),
          Files.createTempDirectory("hub-migrate-services"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static {
    try {
      Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "process-logs"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
