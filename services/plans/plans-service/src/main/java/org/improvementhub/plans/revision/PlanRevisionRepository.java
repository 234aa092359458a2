package org.improvementhub.plans.revision;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** The plan revision of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRevisionRepository extends GenericRepository<PlanRevision, Boolean> {

  /**
   * Moved on by triggers (V9) when a change to programmes, items, actions or leads commits; 0
   * before the council's first change (the row is made by that change).
   */
  @Query("SELECT COALESCE(max(revision), 0) FROM plan_revision")
  long current();
}
