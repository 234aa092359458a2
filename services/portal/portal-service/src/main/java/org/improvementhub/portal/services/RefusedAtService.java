package org.improvementhub.portal.services;

/** The service answered 403: the person may look but not change (observers, board members). */
public class RefusedAtService extends RuntimeException {

  public RefusedAtService(String what) {
    super(what + " was refused", null, false, false);
  }
}
