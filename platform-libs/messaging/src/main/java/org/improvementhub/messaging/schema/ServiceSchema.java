package org.improvementhub.messaging.schema;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own platform-wide schema, named after the service ({@code plans}, {@code
 * notifications}), which holds its outbox and inbox and any table that belongs to no council.
 * Migrated eagerly at start-up so that nothing publishes or consumes before its tables exist: first
 * the platform libraries' tables (outbox and inbox, the council registry, credentials changes),
 * each with its own history, then the service's own from {@code db/<service>/service/}.
 *
 * <p>Each location is first compared with its history table in one query ({@link
 * MigrationScripts}): when the history already holds every script with the same checksum, Flyway is
 * not started for it, which saves its first use (about a second of a start). Anything else (the
 * first start, a new or edited script) goes through Flyway as before.
 */
@Context
public class ServiceSchema {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceSchema.class);
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");

  private final String name;
  private final List<String> migratedByFlyway = new ArrayList<>();

  public ServiceSchema(
      @Value("${hub.service.name}") String name,
      DataSource dataSource,
      DataSourceResolver resolver) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("hub.service.name must match " + NAME + ": " + name);
    }
    this.name = name;
    DataSource realDataSource = resolver.resolve(dataSource);
    migrate(realDataSource, "classpath:db/messaging", "flyway_history_messaging");
    migrate(realDataSource, "classpath:db/council-schemas", "flyway_history_council_schemas");
    migrate(
        realDataSource,
        "classpath:db/announced-credentials",
        "flyway_history_announced_credentials");
    migrate(realDataSource, "classpath:db/" + name + "/service", "flyway_history_" + name);
  }

  private void migrate(DataSource dataSource, String location, String historyTable) {
    String folder = location.substring("classpath:".length());
    ClassLoader loader = getClass().getClassLoader();
    if (loader.getResource(folder) == null) {
      return; // this service has no tables of that kind
    }
    Optional<MigrationScripts> scripts = MigrationScripts.read(loader, folder);
    // with no scripts at all, Flyway still has the schema to create: only skip real checks
    if (scripts.isPresent()
        && !scripts.get().byVersion().isEmpty()
        && scripts.get().allAppliedIn(history(dataSource, historyTable))) {
      LOG.info(
          "Schema {} already holds every migration from {} (version {}): Flyway not needed",
          name,
          location,
          scripts.get().latestVersion());
      return;
    }
    migratedByFlyway.add(location);
    var result =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(name)
            .defaultSchema(name)
            .createSchemas(true)
            .table(historyTable)
            .locations(location)
            .failOnMissingLocations(false)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load()
            .migrate();
    LOG.info(
        "Schema {} migrated from {}: {} migrations", name, location, result.migrationsExecuted);
  }

  /**
   * The history table's rows; empty when it does not exist yet or cannot be read (then Flyway
   * decides, as it always did).
   */
  private List<MigrationScripts.Applied> history(DataSource dataSource, String historyTable) {
    List<MigrationScripts.Applied> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?)")) {
        exists.setString(1, table(historyTable));
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next() || found.getString(1) == null) {
            return rows;
          }
        }
      }
      // the schema name is validated above and the table name is built from it or a constant
      try (Statement statement = connection.createStatement();
          ResultSet history =
              statement.executeQuery(
                  "SELECT version, description, checksum, type, success FROM "
                      + table(historyTable))) {
        while (history.next()) {
          rows.add(
              new MigrationScripts.Applied(
                  history.getString("version"),
                  history.getString("description"),
                  history.getObject("checksum", Integer.class),
                  history.getString("type"),
                  history.getBoolean("success")));
        }
      }
    } catch (SQLException e) {
      LOG.warn("Could not read {}; Flyway checks it", table(historyTable), e);
      rows.clear();
    }
    return rows;
  }

  /**
   * The migration locations this start handed to Flyway (those found changed or new); empty when
   * every history already held every script.
   */
  public List<String> migratedByFlyway() {
    return List.copyOf(migratedByFlyway);
  }

  /** The schema's name, already validated: safe to place in SQL. */
  public String name() {
    return name;
  }

  /** A schema-qualified table name for SQL. */
  public String table(String table) {
    return name + "." + table;
  }
}
