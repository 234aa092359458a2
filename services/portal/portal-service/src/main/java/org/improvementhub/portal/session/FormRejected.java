package org.improvementhub.portal.session;

/** A form arrived without this session's CSRF token: it did not come from our own page. */
public class FormRejected extends RuntimeException {

  public FormRejected() {
    super("The form did not carry this session's token", null, false, false);
  }
}
