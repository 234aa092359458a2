package org.improvementhub.messaging.schema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.jdbc.DataSourceResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service started to migrate and exit (the Helm chart's pre-install/pre-upgrade Job; chart
 * README, "Migration contract").
 *
 * <p>It reads the service's configuration exactly as the service would (application.yml, the
 * mounted Kubernetes config, environment variables) but starts no bean context: so no HTTP server,
 * Kafka consumer, outbox relay, scheduler or mailer can start, whatever the service declares. It
 * migrates the platform schema ({@link ServiceSchema}), then every council schema the service knows
 * ({@link CouncilSchemasMigration}), {@code HUB_MIGRATION_PARALLELISM} at a time.
 *
 * <p>A service's {@code main} begins with: {@code if (MigrationRun.requested(args)) {
 * System.exit(MigrationRun.run(App.class, args)); }}
 */
public final class MigrationRun {

  /** The program argument that asks for a migration run. */
  public static final String ARGUMENT = "migrate";

  /** The Micronaut environment that asks for one (the chart sets both). */
  public static final String ENVIRONMENT = "migrate";

  /** Exit status when some councils failed; the log names them. */
  public static final int COUNCILS_FAILED = 1;

  /** Exit status when the run could not start or the platform schema failed. */
  public static final int RUN_FAILED = 2;

  private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);
  private static final int MAX_PARALLELISM = 32;

  private MigrationRun() {}

  /** Whether the process was started to migrate: the argument or the environment says so. */
  public static boolean requested(String[] args) {
    return Arrays.asList(args).contains(ARGUMENT)
        || names(System.getProperty("micronaut.environments"))
        || names(System.getenv("MICRONAUT_ENVIRONMENTS"));
  }

  private static boolean names(String environments) {
    return environments != null
        && Arrays.stream(environments.split(",")).map(String::strip).anyMatch(ENVIRONMENT::equals);
  }

  /**
   * Migrates and returns the exit status: 0 if every schema migrated, {@link #COUNCILS_FAILED} or
   * {@link #RUN_FAILED} otherwise.
   */
  public static int run(Class<?> application, String[] args) {
    long began = System.nanoTime();
    Environment environment =
        ApplicationContext.builder(application)
            .args(args)
            .environments(ENVIRONMENT)
            .build()
            .getEnvironment();
    environment.start();
    try {
      String service = environment.getRequiredProperty("hub.service.name", String.class);
      int parallelism =
          Math.min(
              MAX_PARALLELISM,
              Math.max(
                  1,
                  environment.getProperty("hub.migration.parallelism", Integer.class).orElse(4)));
      LOG.info(
          "Migrating {}: platform schema, then council schemas {} at a time", service, parallelism);
      try (HikariDataSource dataSource = dataSource(environment, service, parallelism)) {
        ServiceSchema schema = new ServiceSchema(service, dataSource, DataSourceResolver.DEFAULT);
        List<String> failed = new ArrayList<>();
        for (CouncilSchemasMigration councils : ServiceLoader.load(CouncilSchemasMigration.class)) {
          failed.addAll(councils.migrateAll(dataSource, schema, parallelism));
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        if (!failed.isEmpty()) {
          LOG.error(
              "Migration of {} failed for {} council(s): {} ({} ms)",
              service,
              failed.size(),
              String.join(", ", failed),
              millis);
          return COUNCILS_FAILED;
        }
        LOG.info("Migration of {} finished in {} ms", service, millis);
        return 0;
      }
    } catch (RuntimeException | LinkageError e) {
      // a broken image (a missing class) must fail the Job with a clear line, like any other cause
      LOG.error("Migration failed before every council could be tried", e);
      return RUN_FAILED;
    } finally {
      environment.stop();
    }
  }

  private static HikariDataSource dataSource(
      Environment environment, String service, int parallelism) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(service + "-migrate");
    config.setJdbcUrl(environment.getRequiredProperty("datasources.default.url", String.class));
    environment
        .getProperty("datasources.default.username", String.class)
        .ifPresent(config::setUsername);
    environment
        .getProperty("datasources.default.password", String.class)
        .ifPresent(config::setPassword);
    environment
        .getProperty("datasources.default.driver-class-name", String.class)
        .ifPresent(config::setDriverClassName);
    // one connection per council being migrated, plus the registry's
    int configured =
        environment
            .getProperty("datasources.default.maximum-pool-size", Integer.class)
            .orElse(parallelism + 2);
    config.setMaximumPoolSize(Math.max(configured, parallelism + 2));
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }
}
