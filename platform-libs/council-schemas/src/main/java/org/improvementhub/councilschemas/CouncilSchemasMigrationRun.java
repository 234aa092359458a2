package org.improvementhub.councilschemas;

import io.micronaut.jdbc.DataSourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.CouncilSchemasMigration;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.observability.logging.LogContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The council schemas' part of a migration run ({@code migrate}): every council this service knows,
 * a bounded number at a time, one log line each; the registry records each as ready, as start-up
 * migration does. Built by hand, outside any bean context (see {@code MigrationRun}).
 */
public class CouncilSchemasMigrationRun implements CouncilSchemasMigration {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilSchemasMigrationRun.class);

  @Override
  public List<String> migrateAll(DataSource dataSource, ServiceSchema schema, int parallelism) {
    CouncilSchemaRegistry registry =
        new CouncilSchemaRegistry(dataSource, DataSourceResolver.DEFAULT, schema);
    CouncilSchemaMigrator migrator =
        new CouncilSchemaMigrator(dataSource, DataSourceResolver.DEFAULT, schema.name());
    List<CouncilSlug> councils = registry.knownCouncils();
    long began = System.nanoTime();
    List<String> failed = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
    try {
      List<Future<?>> results = new ArrayList<>();
      for (CouncilSlug council : councils) {
        results.add(
            pool.submit(
                () ->
                    LogContext.run(
                        Map.of(LogContext.COUNCIL, council.value()),
                        () -> migrateOne(council, migrator, registry, schema.name()))));
      }
      for (int i = 0; i < results.size(); i++) {
        try {
          results.get(i).get();
        } catch (ExecutionException e) {
          failed.add(councils.get(i).value());
          LOG.error(
              "Council {} schema NOT migrated for {}: {}",
              councils.get(i),
              schema.name(),
              e.getCause().getMessage(),
              e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while migrating council schemas", e);
    } finally {
      pool.shutdownNow();
    }
    LOG.info(
        "{} council schemas migrated for {} in {} ms, {} failed",
        councils.size() - failed.size(),
        schema.name(),
        (System.nanoTime() - began) / 1_000_000,
        failed.size());
    return failed;
  }

  private static void migrateOne(
      CouncilSlug council,
      CouncilSchemaMigrator migrator,
      CouncilSchemaRegistry registry,
      String service) {
    long began = System.nanoTime();
    String from = migrator.currentVersion(council);
    String to = migrator.migrate(council);
    registry.markReady(council, null, null, to);
    LOG.info(
        "Council {} schema migrated for {} from version {} to {} in {} ms",
        council,
        service,
        from,
        to,
        (System.nanoTime() - began) / 1_000_000);
  }
}
