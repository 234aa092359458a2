package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.util.UUID;
import org.improvementhub.plans.events.PlanPerson;

/**
 * One of an action's leads. The table's key is (action, position); only the action is marked here
 * because rows are only ever read and replaced by action.
 */
@MappedEntity("action_lead")
public record ActionLead(
    @MappedProperty("action_id") @Id UUID actionId,
    @MappedProperty("position") int position,
    @MappedProperty("name") String name,
    @MappedProperty("email") String email,
    @MappedProperty("role") @Nullable String role) {

  public PlanPerson person() {
    return new PlanPerson(name, email, role);
  }
}
