package org.improvementhub.notifications.delivery;

/** Why an email is sent; part of its idempotency key. */
public enum EmailKind {
  /** To an action's lead, once per due date, when the action falls overdue. */
  OVERDUE
}
