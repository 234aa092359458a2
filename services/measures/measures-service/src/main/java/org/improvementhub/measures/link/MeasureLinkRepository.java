package org.improvementhub.measures.link;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Links of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeasureLinkRepository extends CrudRepository<MeasureLink, UUID> {

  Optional<MeasureLink> findByMeasureIdAndRecordId(UUID measureId, UUID recordId);

  List<MeasureLink> findByMeasureIdOrderByLinkedAt(UUID measureId);

  List<MeasureLink> findByRecordIdOrderByLinkedAt(UUID recordId);

  void deleteByRecordId(UUID recordId);
}
