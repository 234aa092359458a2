package org.improvementhub.councilschemas;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Migrates this service's tables in one council's schema, with this service's own history table.
 *
 * <p>Several services share a council schema, so a service usually finds it non-empty without its
 * history table: {@code baselineOnMigrate} at version 0 lets its V1 still run. {@code clean} is
 * never used: it would drop other services' tables.
 */
@Singleton
public class CouncilSchemaMigrator {

  private final DataSource dataSource;
  private final String service;

  public CouncilSchemaMigrator(
      DataSource dataSource,
      DataSourceResolver resolver,
      @Value("${hub.service.name}") String service) {
    this.dataSource = resolver.resolve(dataSource);
    this.service = service;
  }

  /**
   * Brings the council's schema up to this service's latest version.
   *
   * @return the schema version now applied, {@code "0"} if this service has no council tables
   */
  public String migrate(CouncilSlug council) {
    Flyway flyway = flyway(council);
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /**
   * The version of this service's tables in the council's schema, {@code "none"} before its first
   * migration there.
   */
  public String currentVersion(CouncilSlug council) {
    MigrationInfo current = flyway(council).info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  private Flyway flyway(CouncilSlug council) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(council.schemaName())
        .defaultSchema(council.schemaName())
        .createSchemas(false)
        .table("flyway_history_" + service)
        .locations("classpath:db/" + service + "/council")
        .failOnMissingLocations(false)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
