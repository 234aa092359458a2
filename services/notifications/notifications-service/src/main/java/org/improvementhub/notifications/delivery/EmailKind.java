package org.improvementhub.notifications.delivery;

/** Why an email is sent; part of its idempotency key. */
public enum EmailKind {
  /** To each lead, before the due date. */
  REMINDER,
  /** To each lead, the first working day after the due date. */
  OVERDUE,
  /** To each lead, while the action stays overdue. */
  OVERDUE_REPEAT,
  /** To the programme manager: the action is still overdue, or has no lead to email. */
  ESCALATION,
  /** A person's weekly list of their due-soon and overdue actions. */
  DIGEST
}
