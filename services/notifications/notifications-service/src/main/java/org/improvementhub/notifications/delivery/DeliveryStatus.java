package org.improvementhub.notifications.delivery;

/** Where an email is in its life. */
public enum DeliveryStatus {
  /** Waiting to be sent, or to be tried again after a temporary failure. */
  QUEUED,
  /** Accepted by the SMTP server. */
  SENT,
  /** Refused for good (a 5xx answer), or given up after too many temporary failures. */
  FAILED,
  /** Dropped before it was sent, because it no longer applies. */
  CANCELLED
}
