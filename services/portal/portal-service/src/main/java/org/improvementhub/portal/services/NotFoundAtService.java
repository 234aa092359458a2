package org.improvementhub.portal.services;

/**
 * The service answered 404: the thing does not exist, or belongs to a council the person may not
 * see. The portal shows its not-found page either way, as the services do.
 */
public class NotFoundAtService extends RuntimeException {

  public NotFoundAtService(String what) {
    super(what + " was not found", null, false, false);
  }
}
