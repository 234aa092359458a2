package org.improvementhub.portal.services;

/** A service could not be reached, or failed: the portal says so rather than showing a trace. */
public class ServiceUnavailable extends RuntimeException {

  public ServiceUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
