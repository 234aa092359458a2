package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Actions of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ImprovementActionRepository extends CrudRepository<ImprovementAction, UUID> {

  /**
   * The action, locked until the unit of work ends: writers of one action take turns, so each
   * changes the version the one before it saved rather than fail on it.
   */
  Optional<ImprovementAction> findByIdForUpdate(UUID id);

  /** Whether an action of the programme (or, for none, an action in no programme) has the ref. */
  @Query(
      "SELECT EXISTS (SELECT 1 FROM improvement_action"
          + " WHERE programme_id IS NOT DISTINCT FROM CAST(:programmeId AS uuid) AND ref = :ref)")
  boolean refTaken(@Nullable UUID programmeId, String ref);

  /** Every action of a programme in one statement, in tree order. */
  @Query(
      "SELECT * FROM improvement_action WHERE programme_id = :programmeId"
          + " ORDER BY parent_id NULLS FIRST, position, ref")
  List<ImprovementAction> inProgramme(UUID programmeId);

  /** Actions past their effective (revised) due date that are neither complete nor withdrawn. */
  @Query(
      "SELECT * FROM improvement_action WHERE COALESCE(revised_due_date, due_date) < :today"
          + " AND completed_on IS NULL AND rag_status <> 'BLUE' AND withdrawn_on IS NULL"
          + " ORDER BY ref")
  List<ImprovementAction> overdueOn(LocalDate today);

  @Query(
      "SELECT count(*) FROM improvement_action WHERE programme_id = :programmeId"
          + " AND parent_id IS NOT DISTINCT FROM CAST(:parentId AS uuid)")
  int countChildren(UUID programmeId, @Nullable UUID parentId);

  /** Makes room at {@code from} among a parent's actions, or closes the gap left there. */
  @Query(
      "UPDATE improvement_action SET position = position + :shift WHERE programme_id = :programmeId"
          + " AND parent_id IS NOT DISTINCT FROM CAST(:parentId AS uuid) AND position >= :from"
          + " AND id <> :except")
  void shiftSiblings(UUID programmeId, @Nullable UUID parentId, int from, int shift, UUID except);

  /** The refs of the drivers the action answers ({@code OR 13}, {@code IN 3.1}), in ref order. */
  @Query(
      "SELECT d.ref FROM plan_driver d JOIN plan_driver_action l ON l.driver_id = d.id"
          + " WHERE l.action_id = :actionId ORDER BY d.ref")
  List<String> driverRefs(UUID actionId);
}
