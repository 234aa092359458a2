package org.improvementhub.tenancy.sso;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** The history of councils' SSO settings. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SsoSettingsChangeRepository extends CrudRepository<SsoSettingsChange, UUID> {

  List<SsoSettingsChange> findByCouncilOrderByChangedAt(String council);
}
