package org.improvementhub.plans.tree;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** Plan items of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanItemRepository extends CrudRepository<PlanItem, UUID> {

  /** The whole tree of a programme in one statement, parents before children. */
  @Query("SELECT * FROM plan_item WHERE programme_id = :programmeId ORDER BY depth, position, ref")
  List<PlanItem> inProgramme(UUID programmeId);

  @Query(
      "SELECT count(*) FROM plan_item WHERE programme_id = :programmeId"
          + " AND parent_id IS NOT DISTINCT FROM CAST(:parentId AS uuid)")
  int countChildren(UUID programmeId, @Nullable UUID parentId);

  /** Whether {@code ref} is taken in the programme, by an item or by an action. */
  @Query(
      "SELECT EXISTS (SELECT 1 FROM plan_item WHERE programme_id = :programmeId AND ref = :ref)"
          + " OR EXISTS (SELECT 1 FROM improvement_action WHERE programme_id = :programmeId"
          + " AND ref = :ref)")
  boolean refTaken(UUID programmeId, String ref);

  /** Makes room at {@code from} among a parent's children, or closes the gap left there. */
  @Query(
      "UPDATE plan_item SET position = position + :shift WHERE programme_id = :programmeId"
          + " AND parent_id IS NOT DISTINCT FROM CAST(:parentId AS uuid) AND position >= :from"
          + " AND id <> :except")
  void shiftSiblings(UUID programmeId, @Nullable UUID parentId, int from, int shift, UUID except);

  /** How many items and actions sit directly under the item. */
  @Query(
      "SELECT (SELECT count(*) FROM plan_item WHERE parent_id = :id)"
          + " + (SELECT count(*) FROM improvement_action WHERE parent_id = :id)")
  int childCount(UUID id);

  /** Risk links name items without a foreign key (a link may point at an item or an action). */
  @Query("DELETE FROM plan_risk_link WHERE target_id = :id")
  void forgetRiskLinks(UUID id);
}
