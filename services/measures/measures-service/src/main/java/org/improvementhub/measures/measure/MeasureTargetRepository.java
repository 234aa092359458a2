package org.improvementhub.measures.measure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Target trajectories of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureTargetRepository extends CrudRepository<MeasureTarget, UUID> {

  List<MeasureTarget> findByMeasureIdOrderByEffectiveFrom(UUID measureId);

  void deleteByMeasureId(UUID measureId);
}
