package org.improvementhub.tenancy.sso;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Optional;
import java.util.UUID;

/** Provider subjects linked to user accounts. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProviderIdentityRepository extends CrudRepository<ProviderIdentity, UUID> {

  Optional<ProviderIdentity> findByCouncilAndIssuerAndSubject(
      String council, String issuer, String subject);
}
