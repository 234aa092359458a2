package org.improvementhub.plans.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

/** The council's risks and issues, and what they are linked to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlanRiskRepository extends CrudRepository<PlanRisk, UUID> {

  boolean existsByRef(String ref);

  /** Highest score first, then by ref; either filter may be left out. */
  @Query(
      "SELECT * FROM plan_risk WHERE (CAST(:kind AS text) IS NULL OR kind = CAST(:kind AS text))"
          + " AND (CAST(:status AS text) IS NULL OR status = CAST(:status AS text))"
          + " ORDER BY COALESCE(likelihood * impact, 0) DESC, ref")
  List<PlanRisk> register(@Nullable String kind, @Nullable String status);

  @Query(
      "INSERT INTO plan_risk_link (risk_id, target_id, target_kind)"
          + " VALUES (:riskId, :targetId, :targetKind) ON CONFLICT DO NOTHING")
  int link(UUID riskId, UUID targetId, String targetKind);

  @Query("DELETE FROM plan_risk_link WHERE risk_id = :riskId AND target_id = :targetId")
  int unlink(UUID riskId, UUID targetId);

  @Query("SELECT target_id FROM plan_risk_link WHERE risk_id = :riskId ORDER BY target_id")
  List<UUID> linked(UUID riskId);

  /** ITEM or ACTION if the id is one of this council's plan items or actions, else null. */
  @Query(
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM plan_item WHERE id = :targetId) THEN 'ITEM'"
          + " WHEN EXISTS (SELECT 1 FROM improvement_action WHERE id = :targetId) THEN 'ACTION'"
          + " ELSE 'NONE' END")
  String kindOf(UUID targetId);
}
