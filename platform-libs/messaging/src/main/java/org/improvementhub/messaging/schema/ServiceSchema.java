package org.improvementhub.messaging.schema;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's own platform-wide schema, named after the service ({@code plans}, {@code
 * notifications}), which holds its outbox and inbox and any table that belongs to no council.
 * Migrated eagerly at start-up so that nothing publishes or consumes before its tables exist: first
 * the platform libraries' tables (outbox and inbox, the council registry), each with its own
 * history, then the service's own from {@code db/<service>/service/}.
 */
@Context
public class ServiceSchema {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceSchema.class);
  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");

  private final String name;

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
    migrate(realDataSource, "classpath:db/" + name + "/service", "flyway_history_" + name);
  }

  private void migrate(DataSource dataSource, String location, String historyTable) {
    if (getClass().getClassLoader().getResource(location.substring("classpath:".length()))
        == null) {
      return; // this service has no tables of that kind
    }
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

  /** The schema's name, already validated: safe to place in SQL. */
  public String name() {
    return name;
  }

  /** A schema-qualified table name for SQL. */
  public String table(String table) {
    return name + "." + table;
  }
}
