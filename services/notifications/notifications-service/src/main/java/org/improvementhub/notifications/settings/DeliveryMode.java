package org.improvementhub.notifications.settings;

/** How a person hears about their actions. */
public enum DeliveryMode {
  /** An email for each reminder and overdue action, as it happens. */
  IMMEDIATE,
  /** Only the weekly digest of their due-soon and overdue actions (escalations still come). */
  DIGEST
}
