package org.improvementhub.web.admission;

/**
 * A request's wait for a permit ended without one. Carries no stack trace: it is an expected
 * outcome under load, made many times a second, not a fault.
 */
public final class Refused extends RuntimeException {

  private final Refusal reason;

  public Refused(Refusal reason) {
    super(reason.tag(), null, false, false);
    this.reason = reason;
  }

  public Refusal reason() {
    return reason;
  }
}
