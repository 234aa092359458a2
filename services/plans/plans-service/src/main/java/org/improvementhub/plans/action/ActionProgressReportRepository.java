package org.improvementhub.plans.action;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Progress reports: kept whole, oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActionProgressReportRepository extends CrudRepository<ActionProgressReport, UUID> {

  @Query(
      "SELECT * FROM action_progress_report WHERE action_id = :actionId"
          + " ORDER BY reported_at, id")
  List<ActionProgressReport> of(UUID actionId);
}
