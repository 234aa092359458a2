package org.improvementhub.plans.action;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** The due date history of the council's actions. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DueDateRevisionRepository extends CrudRepository<DueDateRevision, UUID> {

  @Query(
      "SELECT * FROM action_due_date_revision WHERE action_id = :actionId"
          + " ORDER BY revised_at, id")
  List<DueDateRevision> of(UUID actionId);
}
