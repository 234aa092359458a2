package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The leads of the council's actions. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ActionLeadRepository extends GenericRepository<ActionLead, UUID> {

  @Query("SELECT * FROM action_lead WHERE action_id = :actionId ORDER BY position")
  List<ActionLead> of(UUID actionId);

  @Query("SELECT * FROM action_lead WHERE action_id IN (:actionIds) ORDER BY action_id, position")
  List<ActionLead> ofAll(Collection<UUID> actionIds);

  @Query(
      "INSERT INTO action_lead (action_id, position, name, email, role)"
          + " VALUES (:actionId, :position, :name, :email, :role)")
  void add(UUID actionId, int position, String name, String email, @Nullable String role);

  @Query("DELETE FROM action_lead WHERE action_id = :actionId")
  void removeAll(UUID actionId);
}
