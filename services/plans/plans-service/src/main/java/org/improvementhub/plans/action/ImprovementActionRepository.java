package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Actions of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ImprovementActionRepository extends CrudRepository<ImprovementAction, UUID> {

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

  /** One page of the actions that pass every filter given, by ref. */
  @Query(
      "SELECT a.* FROM improvement_action a"
          + WHERE
          + " ORDER BY a.ref, a.id LIMIT :limit OFFSET :offset")
  List<ImprovementAction> filtered(
      @Nullable UUID programmeId,
      @Nullable String rag,
      @Nullable String lead,
      @Nullable LocalDate overdueOn,
      @Nullable UUID driverId,
      @Nullable UUID under,
      int limit,
      long offset);

  @Query("SELECT count(*) FROM improvement_action a" + WHERE)
  long countFiltered(
      @Nullable UUID programmeId,
      @Nullable String rag,
      @Nullable String lead,
      @Nullable LocalDate overdueOn,
      @Nullable UUID driverId,
      @Nullable UUID under);

  /** The filter every list query shares; parameters left null do not narrow. */
  String WHERE =
      " WHERE (CAST(:programmeId AS uuid) IS NULL OR a.programme_id = CAST(:programmeId AS uuid))"
          + " AND (CAST(:rag AS text) IS NULL OR a.rag_status = CAST(:rag AS text))"
          + " AND (CAST(:lead AS text) IS NULL OR EXISTS (SELECT 1 FROM action_lead l"
          + " WHERE l.action_id = a.id AND (lower(l.email) = lower(CAST(:lead AS text))"
          + " OR l.name ILIKE '%' || CAST(:lead AS text) || '%')))"
          + " AND (CAST(:overdueOn AS date) IS NULL OR (COALESCE(a.revised_due_date, a.due_date)"
          + " < CAST(:overdueOn AS date) AND a.completed_on IS NULL AND a.rag_status <> 'BLUE'"
          + " AND a.withdrawn_on IS NULL))"
          + " AND (CAST(:driverId AS uuid) IS NULL OR EXISTS (SELECT 1 FROM plan_driver_action d"
          + " WHERE d.action_id = a.id AND d.driver_id = CAST(:driverId AS uuid)))"
          + " AND (CAST(:under AS uuid) IS NULL OR a.parent_id IN (WITH RECURSIVE below AS"
          + " (SELECT id FROM plan_item WHERE id = CAST(:under AS uuid) UNION ALL"
          + " SELECT i.id FROM plan_item i JOIN below ON i.parent_id = below.id)"
          + " SELECT id FROM below))";

  /** The refs of the drivers the action answers ({@code OR 13}, {@code IN 3.1}), in ref order. */
  @Query(
      "SELECT d.ref FROM plan_driver d JOIN plan_driver_action l ON l.driver_id = d.id"
          + " WHERE l.action_id = :actionId ORDER BY d.ref")
  List<String> driverRefs(UUID actionId);
}
