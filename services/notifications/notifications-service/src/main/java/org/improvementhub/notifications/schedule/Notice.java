package org.improvementhub.notifications.schedule;

import io.micronaut.core.annotation.Nullable;
import org.improvementhub.notifications.delivery.EmailKind;

/**
 * One email the schedule calls for today.
 *
 * @param period which one of its kind for the due date: 0 for the first, n for the n-th repeat
 * @param reason for an escalation, why: still overdue, or no lead to email
 */
public record Notice(
    EmailKind kind,
    int period,
    String recipient,
    @Nullable String recipientName,
    @Nullable EscalationReason reason) {

  /** Why the programme manager is told. */
  public enum EscalationReason {
    STILL_OVERDUE,
    NO_REACHABLE_LEAD
  }
}
