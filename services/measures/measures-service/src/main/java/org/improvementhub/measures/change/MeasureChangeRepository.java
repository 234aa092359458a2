package org.improvementhub.measures.change;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Measure histories of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureChangeRepository extends CrudRepository<MeasureChange, UUID> {

  List<MeasureChange> findByMeasureIdOrderByChangedAt(UUID measureId);
}
