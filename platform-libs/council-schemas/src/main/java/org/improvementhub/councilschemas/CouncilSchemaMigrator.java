package org.improvementhub.councilschemas;

import io.micronaut.context.annotation.Value;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.improvementhub.messaging.schema.MigrationScripts;
import org.improvementhub.messaging.schema.MigrationScripts.Applied;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates this service's tables in one council's schema, with this service's own history table.
 *
 * <p>Several services share a council schema, so a service usually finds it non-empty without its
 * history table: {@code baselineOnMigrate} at version 0 lets its V1 still run. {@code clean} is
 * never used: it would drop other services' tables.
 *
 * <p>Checking many councils at once ({@link #upToDate}) costs one read of the migration files and a
 * few queries, whatever the number of councils: only the councils found behind (or different) need
 * a Flyway of their own, which then migrates them or refuses them as before.
 */
@Singleton
public class CouncilSchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilSchemaMigrator.class);
  private static final Pattern SERVICE = Pattern.compile("^[a-z][a-z0-9_]{1,30}$");

  private final DataSource dataSource;
  private final String service;
  private final CouncilMigrationHistories histories;
  private volatile CouncilMigrationFiles files;

  public CouncilSchemaMigrator(
      DataSource dataSource,
      DataSourceResolver resolver,
      @Value("${hub.service.name}") String service) {
    if (!SERVICE.matcher(service).matches()) {
      throw new IllegalArgumentException("hub.service.name must match " + SERVICE + ": " + service);
    }
    this.dataSource = resolver.resolve(dataSource);
    this.service = service;
    this.histories = new CouncilMigrationHistories(this.dataSource, historyTable());
  }

  /**
   * Brings the council's schema up to this service's latest version.
   *
   * @return the schema version now applied, {@code "0"} if this service has no council tables
   */
  public String migrate(CouncilSlug council) {
    Flyway flyway = configuration(council).load();
    flyway.migrate();
    MigrationInfo current = flyway.info().current();
    return current == null ? "0" : current.getVersion().getVersion();
  }

  /**
   * The version of this service's tables in the council's schema, {@code "none"} before its first
   * migration there.
   */
  public String currentVersion(CouncilSlug council) {
    MigrationInfo current = configuration(council).load().info().current();
    return current == null ? "none" : current.getVersion().getVersion();
  }

  /**
   * The councils whose schema already holds every one of this service's migrations, each applied
   * successfully with the same checksum and description as the file on the class path, and nothing
   * else: nothing is left to do for them. Any other council (behind, never migrated, a failed or
   * changed migration) is left out, for {@link #migrate} to migrate or refuse.
   *
   * @return each such council's version, as {@link #migrate} would have answered it
   */
  public Map<CouncilSlug, String> upToDate(List<CouncilSlug> councils) {
    if (councils.isEmpty()) {
      return Map.of();
    }
    Map<CouncilSlug, List<Applied>> applied;
    try {
      applied = histories.of(councils);
    } catch (SQLException e) {
      // not a reason to stop: Flyway checks each council itself, as it always did
      LOG.warn("Could not read the councils' migration histories at once; checking each", e);
      return Map.of();
    }
    CouncilMigrationFiles latest = files(councils.get(0));
    Map<CouncilSlug, String> current = new HashMap<>();
    applied.forEach(
        (council, rows) -> {
          if (latest.allAppliedIn(rows)) {
            current.put(council, latest.version());
          }
        });
    return current;
  }

  /** The migration files, read once per service (they are in the image: they cannot change). */
  private CouncilMigrationFiles files(CouncilSlug anyCouncil) {
    CouncilMigrationFiles known = files;
    if (known == null) {
      synchronized (this) {
        if (files == null) {
          // read without Flyway when the scripts are plain versioned SQL (nearly always): its
          // first use costs about a second of a start, and most starts find nothing to migrate
          files =
              MigrationScripts.read(getClass().getClassLoader(), "db/" + service + "/council")
                  .map(CouncilMigrationFiles::of)
                  .orElse(null);
        }
        if (files == null) {
          // against a history table that does not exist, Flyway lists every migration on the
          // class path as pending, with the file's own checksum and description
          files =
              CouncilMigrationFiles.of(
                  configuration(anyCouncil).table(historyTable() + "_files").load().info().all());
        }
        known = files;
      }
    }
    return known;
  }

  /** The version every council reaches, once known; empty before the first check. */
  Optional<String> latestVersion() {
    return Optional.ofNullable(files).map(CouncilMigrationFiles::version);
  }

  private String historyTable() {
    return "flyway_history_" + service;
  }

  private FluentConfiguration configuration(CouncilSlug council) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(council.schemaName())
        .defaultSchema(council.schemaName())
        .createSchemas(false)
        .table(historyTable())
        .locations("classpath:db/" + service + "/council")
        .failOnMissingLocations(false)
        .baselineOnMigrate(true)
        .baselineVersion("0");
  }
}
