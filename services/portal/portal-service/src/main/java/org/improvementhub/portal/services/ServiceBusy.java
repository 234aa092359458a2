package org.improvementhub.portal.services;

/**
 * A service answered 503 "busy" (its admission control turned the call away): the person is asked
 * to try again in a few seconds, rather than told something is wrong.
 */
public class ServiceBusy extends ServiceUnavailable {

  public ServiceBusy(String message) {
    super(message, null);
  }
}
