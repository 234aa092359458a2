package org.improvementhub.tenancy.status;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** The status history, in the {@code tenancy} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CouncilStatusChangeRepository extends CrudRepository<CouncilStatusChange, UUID> {

  List<CouncilStatusChange> findBySlugOrderByChangedAt(String slug);
}
