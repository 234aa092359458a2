package org.improvementhub.plans.programme;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Programmes of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ProgrammeRepository extends CrudRepository<Programme, UUID> {

  List<Programme> findAllOrderByName();

  /** How many levels the programme's plan already uses: items and actions, 0 when empty. */
  @Query(
      "SELECT GREATEST(COALESCE((SELECT max(depth) + 1 FROM plan_item WHERE programme_id = :id), 0),"
          + " COALESCE((SELECT 1 FROM improvement_action WHERE programme_id = :id LIMIT 1), 0))")
  int levelsInUse(UUID id);
}
