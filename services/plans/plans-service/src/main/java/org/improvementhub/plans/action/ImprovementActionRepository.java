package org.improvementhub.plans.action;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Actions of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ImprovementActionRepository extends CrudRepository<ImprovementAction, UUID> {

  List<ImprovementAction> findAllOrderByRef();

  boolean existsByRef(String ref);

  List<ImprovementAction> findByDueDateLessThanAndRagStatusNotEquals(
      LocalDate date, RagStatus status);
}
