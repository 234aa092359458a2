package org.improvementhub.tenancy.signin;

import java.time.Duration;

/**
 * How many failures in {@code window} lock an account or an address, and for how long.
 *
 * @param maxFailures the failure that reaches this count starts the lock-out
 */
public record SignInLimit(int maxFailures, Duration window, Duration lockout) {

  public SignInLimit {
    if (maxFailures < 1 || window.isNegative() || window.isZero() || lockout.isNegative()) {
      throw new IllegalArgumentException(
          "A sign-in limit needs at least one failure, a window and a lock-out that are positive");
    }
  }
}
