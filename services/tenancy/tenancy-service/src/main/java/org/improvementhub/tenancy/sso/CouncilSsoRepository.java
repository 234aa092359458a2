package org.improvementhub.tenancy.sso;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** Councils' SSO settings, in the {@code tenancy} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CouncilSsoRepository extends CrudRepository<CouncilSso, String> {

  List<CouncilSso> findByEnabledTrueOrderByCouncil();
}
