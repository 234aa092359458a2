package org.improvementhub.measures.link;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.UUID;

/** The plan records of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRecordRepository extends CrudRepository<PlanRecord, UUID> {}
