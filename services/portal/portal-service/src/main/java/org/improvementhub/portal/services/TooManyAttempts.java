package org.improvementhub.portal.services;

/** A service answered 429: too many failed attempts; the detail says how long to wait. */
public class TooManyAttempts extends RuntimeException {

  public TooManyAttempts(String detail) {
    super(detail, null, false, false);
  }
}
