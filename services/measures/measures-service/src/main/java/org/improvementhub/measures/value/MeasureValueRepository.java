package org.improvementhub.measures.value;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Latest values of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureValueRepository extends CrudRepository<MeasureValue, UUID> {

  Optional<MeasureValue> findByMeasureIdAndPeriod(UUID measureId, LocalDate period);

  List<MeasureValue> findByMeasureIdOrderByPeriod(UUID measureId);
}
