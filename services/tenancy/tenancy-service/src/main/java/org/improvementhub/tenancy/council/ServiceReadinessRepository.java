package org.improvementhub.tenancy.council;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;

/** Which services have said their tables are in which council's schema, and at what version. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ServiceReadinessRepository extends GenericRepository<RegisteredCouncil, String> {

  /** Records a service's answer; a later answer (a newer schema version) replaces an earlier. */
  @Query(
      "INSERT INTO tenancy.council_service_readiness (slug, service, schema_version, ready_at)"
          + " VALUES (:slug, :service, :schemaVersion, :readyAt)"
          + " ON CONFLICT (slug, service) DO UPDATE"
          + " SET schema_version = EXCLUDED.schema_version, ready_at = EXCLUDED.ready_at")
  void record(String slug, String service, String schemaVersion, Instant readyAt);

  @Query(
      "SELECT service FROM tenancy.council_service_readiness WHERE slug = :slug ORDER BY service")
  List<String> servicesReady(String slug);

  @Query("SELECT slug, service FROM tenancy.council_service_readiness ORDER BY slug, service")
  List<ServiceReady> findAllReady();

  /** One service that is ready in one council. */
  @Introspected
  record ServiceReady(String slug, String service) {}
}
