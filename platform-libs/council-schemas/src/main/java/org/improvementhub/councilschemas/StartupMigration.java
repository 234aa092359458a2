package org.improvementhub.councilschemas;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On start-up, brings every known council's schema up to this service's latest version, a few at a
 * time so that 150 councils neither take minutes nor exhaust the connection pool.
 */
@Singleton
public class StartupMigration {

  private static final Logger LOG = LoggerFactory.getLogger(StartupMigration.class);

  private final CouncilSchemaRegistry registry;
  private final CouncilSchemaProvisioning provisioning;
  private final CouncilSchemaMigrator migrator;
  private final int parallelism;
  private volatile Duration lastDuration = Duration.ZERO;

  public StartupMigration(
      CouncilSchemaRegistry registry,
      CouncilSchemaProvisioning provisioning,
      CouncilSchemaMigrator migrator,
      // HUB_MIGRATION_PARALLELISM, as the migrate run reads it (the chart sets it on every pod)
      @Value("${hub.migration.parallelism:0}") int migrationParallelism,
      @Value("${hub.council-schemas.migration-parallelism:4}") int parallelism) {
    this.registry = registry;
    this.provisioning = provisioning;
    this.migrator = migrator;
    this.parallelism = Math.max(1, migrationParallelism > 0 ? migrationParallelism : parallelism);
  }

  @EventListener
  void onStartup(StartupEvent event) {
    migrateAll();
  }

  /**
   * Migrates all known councils.
   *
   * @return how many councils were migrated
   */
  public int migrateAll() {
    Instant start = Instant.now();
    List<CouncilSlug> councils = registry.knownCouncils();
    // one read of every council's history: only those behind need a Flyway (and a thread) each
    Map<CouncilSlug, String> upToDate = migrator.upToDate(councils);
    registry.markAllReady(upToDate);
    List<CouncilSlug> behind =
        councils.stream().filter(council -> !upToDate.containsKey(council)).toList();
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, behind.size())));
    try {
      List<Future<String>> results = new ArrayList<>();
      for (CouncilSlug council : behind) {
        results.add(pool.submit(() -> provisioning.prepare(council, null, null, false)));
      }
      for (int i = 0; i < results.size(); i++) {
        try {
          results.get(i).get();
        } catch (ExecutionException e) {
          LOG.error("Council {} could not be migrated", behind.get(i), e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
    }
    lastDuration = Duration.between(start, Instant.now());
    LOG.info(
        "{} council schemas checked in {} ms: {} already up to date, {} migrated one by one",
        councils.size(),
        lastDuration.toMillis(),
        upToDate.size(),
        behind.size());
    return councils.size();
  }

  /** How long the last start-up migration took. */
  public Duration lastDuration() {
    return lastDuration;
  }
}
