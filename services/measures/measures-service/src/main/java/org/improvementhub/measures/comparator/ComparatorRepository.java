package org.improvementhub.measures.comparator;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Benchmarks of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ComparatorRepository extends CrudRepository<MeasureComparator, UUID> {

  List<MeasureComparator> findByMeasureIdOrderByYear(UUID measureId);

  Optional<MeasureComparator> findByMeasureIdAndYear(UUID measureId, int year);
}
