package org.improvementhub.tenancy.sso;

import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/** The answers a sign-in through a council's provider gets when it does not succeed. */
final class SsoRefused {

  private SsoRefused() {}

  /** 401: the sign-in did not succeed, and why (never a token or a secret). */
  static ProblemException because(String why) {
    return ProblemException.of(
        ProblemType.UNAUTHENTICATED, "Signing in with your council's account did not work: " + why);
  }

  /** An account that is not the council's: the same words whatever the reason. */
  static ProblemException unknownAccount() {
    return ProblemException.of(
        ProblemType.FORBIDDEN,
        "Your account cannot be used to sign in to this council: ask your council's admin");
  }
}
