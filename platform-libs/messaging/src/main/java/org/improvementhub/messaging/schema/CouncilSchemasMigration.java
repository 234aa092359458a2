package org.improvementhub.messaging.schema;

import java.util.List;
import javax.sql.DataSource;

/**
 * The council half of a {@link MigrationRun}, found with {@link java.util.ServiceLoader}: services
 * with council tables have it on their classpath through {@code council-schemas}; a service that
 * keeps only a platform schema (oversight) has none.
 */
public interface CouncilSchemasMigration {

  /**
   * Migrates every council schema this service knows, at most {@code parallelism} at a time, and
   * logs one line per council.
   *
   * @return the slugs of the councils that failed, empty if every one migrated
   */
  List<String> migrateAll(DataSource dataSource, ServiceSchema schema, int parallelism);
}
