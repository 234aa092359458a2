package org.improvementhub.notifications.delivery;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The emails about one action: dropping those that no longer apply, and when it was last chased.
 */
@Singleton
public class ActionEmails {

  private final EmailDeliveryRepository deliveries;

  public ActionEmails(EmailDeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  /** The action is complete: nothing queued about it is sent. */
  public int actionCompleted(UUID actionId) {
    return deliveries.cancelQueued(actionId, null, "Cancelled: the action was completed");
  }

  /** The council withdrew the action from its plan: nothing queued about it is sent. */
  public int actionWithdrawn(UUID actionId) {
    return deliveries.cancelQueued(actionId, null, "Cancelled: the action was withdrawn");
  }

  /** The due date moved: what was queued about any other date is not sent. */
  public int dueDateMoved(UUID actionId, LocalDate newDueDate) {
    return deliveries.cancelQueued(
        actionId, newDueDate, "Cancelled: the due date moved to " + newDueDate);
  }

  /** The day the last overdue email about this due date was queued, if any. */
  public java.util.Optional<java.time.Instant> lastChase(UUID actionId, LocalDate dueDate) {
    return deliveries.chasesOf(actionId, dueDate).stream()
        .map(EmailDelivery::createdAt)
        .findFirst();
  }

  /**
   * For every open action, when it was last chased about its current due date: the newest overdue
   * email (first or repeat) not cancelled.
   */
  public java.util.Map<UUID, java.time.Instant> lastChasesOfOpenActions() {
    java.util.Map<UUID, java.time.Instant> last = new java.util.HashMap<>();
    for (EmailDelivery chase : deliveries.chasesOfOpenActions()) {
      last.merge(chase.actionId(), chase.createdAt(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return last;
  }
}
