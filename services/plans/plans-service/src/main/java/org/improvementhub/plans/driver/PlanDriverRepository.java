package org.improvementhub.plans.driver;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Drivers of the council the current unit of work is bound to, and their links to actions. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanDriverRepository extends CrudRepository<PlanDriver, UUID> {

  boolean existsByRef(String ref);

  @Query("SELECT * FROM plan_driver ORDER BY kind, ref")
  List<PlanDriver> register();

  @Query(
      "INSERT INTO plan_driver_action (driver_id, action_id) VALUES (:driverId, :actionId)"
          + " ON CONFLICT DO NOTHING")
  int link(UUID driverId, UUID actionId);

  @Query("DELETE FROM plan_driver_action WHERE driver_id = :driverId AND action_id = :actionId")
  int unlink(UUID driverId, UUID actionId);

  @Query("SELECT EXISTS (SELECT 1 FROM improvement_action WHERE id = :actionId)")
  boolean actionExists(UUID actionId);

  @Query(
      "SELECT action_id FROM plan_driver_action l JOIN improvement_action a ON a.id = l.action_id"
          + " WHERE l.driver_id = :driverId ORDER BY a.ref")
  List<UUID> linkedActions(UUID driverId);

  /**
   * Every driver with the RAG counts of its actions (withdrawn ones left out), in one statement.
   */
  @Query(
      "SELECT d.id, d.ref, d.kind, d.text, d.timeframe, count(a.id) AS actions,"
          + " count(*) FILTER (WHERE a.rag_status = 'BLUE') AS blue,"
          + " count(*) FILTER (WHERE a.rag_status = 'GREEN') AS green,"
          + " count(*) FILTER (WHERE a.rag_status = 'AMBER') AS amber,"
          + " count(*) FILTER (WHERE a.rag_status = 'RED') AS red,"
          + " count(*) FILTER (WHERE a.rag_status = 'GREY') AS grey"
          + " FROM plan_driver d LEFT JOIN plan_driver_action l ON l.driver_id = d.id"
          + " LEFT JOIN improvement_action a ON a.id = l.action_id AND a.withdrawn_on IS NULL"
          + " GROUP BY d.id ORDER BY d.kind, d.ref")
  List<DriverCoverage.DriverRow> coverage();

  @Query(
      "SELECT a.id, a.ref, a.title, a.rag_status AS rag_status FROM improvement_action a"
          + " WHERE NOT EXISTS (SELECT 1 FROM plan_driver_action l WHERE l.action_id = a.id)"
          + " AND a.withdrawn_on IS NULL ORDER BY a.ref")
  List<DriverCoverage.ActionRow> actionsWithoutDrivers();
}
