package org.improvementhub.plans.overdue;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDate;
import java.util.UUID;
import org.improvementhub.plans.action.ImprovementAction;

/** Which actions have already been announced overdue against which due date. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OverdueNoticeRepository extends GenericRepository<ImprovementAction, UUID> {

  /**
   * Records the notice unless it exists.
   *
   * @return 1 if this call recorded it, 0 if it was already there
   */
  @Query(
      "INSERT INTO action_overdue_notice (action_id, due_date, detected_on)"
          + " VALUES (:actionId, :dueDate, :detectedOn) ON CONFLICT DO NOTHING")
  int recordIfNew(UUID actionId, LocalDate dueDate, LocalDate detectedOn);
}
