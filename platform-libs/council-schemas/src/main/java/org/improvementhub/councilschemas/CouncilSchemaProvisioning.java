package org.improvementhub.councilschemas;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.events.CouncilSchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one council's schema up to date for this service and says so. Idempotent: migrating a
 * migrated schema does nothing, and tenancy counts each service's answer once.
 */
@Singleton
public class CouncilSchemaProvisioning {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilSchemaProvisioning.class);

  private final CouncilSchemaMigrator migrator;
  private final CouncilSchemaRegistry registry;
  private final Outbox outbox;
  private final TransactionOperations<Connection> transactions;
  private final String service;

  public CouncilSchemaProvisioning(
      CouncilSchemaMigrator migrator,
      CouncilSchemaRegistry registry,
      Outbox outbox,
      TransactionOperations<Connection> transactions,
      @Value("${hub.service.name}") String service) {
    this.migrator = migrator;
    this.registry = registry;
    this.outbox = outbox;
    this.transactions = transactions;
    this.service = service;
  }

  /** Migrates the schema, records the council as ready and, if asked, answers tenancy. */
  public String prepare(
      CouncilSlug council, @Nullable String name, @Nullable Integer laCode, boolean announce) {
    String version = migrator.migrate(council);
    registry.markReady(council, name, laCode, version);
    if (announce) {
      transactions.executeWrite(
          status ->
              outbox.append(
                  CouncilSchemaReady.topicOf(service),
                  council,
                  CouncilSchemaReady.TYPE,
                  1,
                  council.value(),
                  new CouncilSchemaReady(council.value(), service, version)));
    }
    LOG.info("Council {} schema ready for {} at version {}", council, service, version);
    return version;
  }
}
