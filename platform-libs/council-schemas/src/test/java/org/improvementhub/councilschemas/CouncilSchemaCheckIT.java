package org.improvementhub.councilschemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up check of many councils at once: a council already at the latest version with the
 * same checksums is only recorded, one behind is migrated, one whose applied migration no longer
 * matches its file is refused (never counted up to date), and a new council is still provisioned.
 * Runs the migrate run's council half ({@link CouncilSchemasMigrationRun}), which start-up
 * migration shares the check with, on a test service {@code startupcheck} with two migrations.
 */
class CouncilSchemaCheckIT {

  private static final String SERVICE = "startupcheck";
  private HikariDataSource dataSource;
  private ServiceSchema schema;
  private CouncilSchemaMigrator migrator;

  /** A database of its own per test: the migrate run takes every council schema it finds. */
  @BeforeEach
  void database() {
    PostgresEndpoint database = TestInfrastructure.shared().freshDatabase();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(database.user());
    dataSource.setPassword(database.password());
    dataSource.setMaximumPoolSize(4);
    schema = new ServiceSchema(SERVICE, dataSource, DataSourceResolver.DEFAULT);
    migrator = new CouncilSchemaMigrator(dataSource, DataSourceResolver.DEFAULT, SERVICE);
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void upToDateCouncilsAreSkippedBehindOnesMigratedChangedOnesRefusedNewOnesProvisioned()
      throws SQLException {
    CouncilSlug current = council("current");
    CouncilSlug behind = council("behind");
    CouncilSlug changed = council("changed");
    CouncilSlug fresh = council("fresh");
    for (CouncilSlug council : List.of(current, behind, changed, fresh)) {
      execute("CREATE SCHEMA " + council.schemaName());
    }
    migrator.migrate(current);
    migrator.migrate(changed);
    flyway(behind).target("1").load().migrate();
    // as if V2's file had been edited after it was applied here
    execute(
        "UPDATE "
            + changed.schemaName()
            + ".flyway_history_startupcheck SET checksum = checksum + 1 WHERE version = '2'");
    List<CouncilSlug> all = List.of(current, behind, changed, fresh);

    assertThat(migrator.upToDate(all)).isEqualTo(Map.of(current, "2"));

    List<String> failed = new CouncilSchemasMigrationRun().migrateAll(dataSource, schema, 2);

    assertThat(failed).containsExactly(changed.value());
    assertThat(version(behind)).isEqualTo("2");
    assertThat(tableExists(behind, "startupcheck_second")).isTrue();
    assertThat(version(fresh)).isEqualTo("2");
    assertThat(tableExists(fresh, "startupcheck_first")).isTrue();
    assertThat(migrator.upToDate(all)).isEqualTo(Map.of(current, "2", behind, "2", fresh, "2"));
    assertThat(registryVersion(current)).isEqualTo("2");
    assertThat(registryVersion(changed)).isNull();
  }

  @Test
  void aFailedMigrationOrAMigrationMissingFromTheFilesIsNeverUpToDate() throws SQLException {
    CouncilSlug failedOnce = council("failed");
    CouncilSlug ahead = council("ahead");
    execute("CREATE SCHEMA " + failedOnce.schemaName());
    execute("CREATE SCHEMA " + ahead.schemaName());
    migrator.migrate(failedOnce);
    migrator.migrate(ahead);
    execute(
        "UPDATE "
            + failedOnce.schemaName()
            + ".flyway_history_startupcheck SET success = false WHERE version = '2'");
    execute(
        "INSERT INTO "
            + ahead.schemaName()
            + ".flyway_history_startupcheck (installed_rank, version, description, type, script,"
            + " checksum, installed_by, execution_time, success)"
            + " VALUES (99, '3', 'from a newer image', 'SQL', 'V3__newer.sql', 1, 'test', 1, true)");

    assertThat(migrator.upToDate(List.of(failedOnce, ahead))).isEmpty();
  }

  private static CouncilSlug council(String base) {
    return CouncilSlug.parse(TestCouncils.uniqueSlug(base)).orElseThrow();
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway(CouncilSlug council) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(council.schemaName())
        .defaultSchema(council.schemaName())
        .createSchemas(false)
        .table("flyway_history_" + SERVICE)
        .locations("classpath:db/" + SERVICE + "/council")
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }

  private String version(CouncilSlug council) {
    return migrator.currentVersion(council);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private boolean tableExists(CouncilSlug council, String table) throws SQLException {
    return single(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + council.schemaName()
                + "' AND table_name = '"
                + table
                + "'")
        .equals("1");
  }

  private String registryVersion(CouncilSlug council) throws SQLException {
    return single(
        "SELECT max(schema_version) FROM "
            + SERVICE
            + ".council WHERE slug = '"
            + council.value()
            + "'");
  }

  private String single(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
