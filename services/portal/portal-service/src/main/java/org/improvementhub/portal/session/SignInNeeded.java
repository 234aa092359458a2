package org.improvementhub.portal.session;

/** The page needs a signed-in person and there is none (or their token has expired). */
public class SignInNeeded extends RuntimeException {

  public SignInNeeded() {
    super("Sign in to continue", null, false, false);
  }
}
