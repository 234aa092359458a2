package org.improvementhub.councilschemas;

import io.micronaut.jdbc.DataSourceResolver;
import java.util.ArrayList;
import java.util.Comparator;
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
    // one read of every council's history: those already at the latest version are only recorded
    Map<CouncilSlug, String> upToDate = migrator.upToDate(councils);
    registry.markAllReady(upToDate);
    upToDate.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(CouncilSlug::value)))
        .forEach(
            council ->
                LogContext.run(
                    Map.of(LogContext.COUNCIL, council.getKey().value()),
                    () ->
                        LOG.info(
                            "Council {} schema migrated for {} from version {} to {}: already"
                                + " there, with the same checksums",
                            council.getKey(),
                            schema.name(),
                            council.getValue(),
                            council.getValue())));
    councils = councils.stream().filter(council -> !upToDate.containsKey(council)).toList();
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
        "{} council schemas migrated for {} in {} ms ({} already up to date), {} failed",
        upToDate.size() + councils.size() - failed.size(),
        schema.name(),
        (System.nanoTime() - began) / 1_000_000,
        upToDate.size(),
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
