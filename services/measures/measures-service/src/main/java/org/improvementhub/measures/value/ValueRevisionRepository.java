package org.improvementhub.measures.value;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Values that corrections replaced; rows are only ever added. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ValueRevisionRepository extends CrudRepository<ValueRevision, UUID> {

  List<ValueRevision> findByMeasureIdAndPeriodOrderByRevisionDesc(UUID measureId, LocalDate period);
}
