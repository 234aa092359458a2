package org.improvementhub.tenancy.signin;

import java.time.Duration;

/** Sign-in refused because the account or the address is locked for {@code retryAfter}. */
public class SignInLockedOut extends RuntimeException {

  private final transient Duration retryAfter;

  public SignInLockedOut(Duration retryAfter) {
    super("Too many failed sign-ins", null, false, false);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds to wait, at least one, as {@code Retry-After} gives them. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
