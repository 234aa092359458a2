package org.improvementhub.notifications.action;

import java.util.Optional;
import org.improvementhub.tenancy.context.CouncilSlug;

/** An action as it was before an event, if known, and as it is after. */
public record ActionChange(
    CouncilSlug council, Optional<TrackedAction> before, TrackedAction after) {

  public boolean dueDateMoved() {
    return before.isPresent() && !before.get().dueDate().equals(after.dueDate());
  }

  public boolean justCompleted() {
    return after.completed() && before.map(b -> !b.completed()).orElse(true);
  }
}
