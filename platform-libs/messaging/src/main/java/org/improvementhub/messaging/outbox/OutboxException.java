package org.improvementhub.messaging.outbox;

/** The outbox could not be written or read; the surrounding transaction must not commit. */
public class OutboxException extends RuntimeException {
  public OutboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
