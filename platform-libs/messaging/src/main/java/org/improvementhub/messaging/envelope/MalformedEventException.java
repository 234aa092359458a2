package org.improvementhub.messaging.envelope;

/** A message that cannot be read as the event it claims to be; it can never succeed on retry. */
public class MalformedEventException extends RuntimeException {
  public MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
