package org.improvementhub.portal.services;

import java.util.List;

/**
 * The service refused what was sent (400/409/422), naming the fields where it could. A form shows
 * the fields in its error summary; anywhere else the person gets the "cannot be done" page with the
 * service's own detail and status.
 */
public class InvalidAtService extends RuntimeException {

  private final int status;
  private final transient List<FieldProblem> fields;

  public InvalidAtService(String detail, List<FieldProblem> fields) {
    this(422, detail, fields);
  }

  public InvalidAtService(int status, String detail, List<FieldProblem> fields) {
    super(detail, null, false, false);
    this.status = status;
    this.fields = List.copyOf(fields);
  }

  /** The service's status: 400, 409 or 422. */
  public int status() {
    return status;
  }

  public List<FieldProblem> fields() {
    return fields;
  }
}
