package org.improvementhub.portal.services;

import java.util.List;

/** The service refused what was sent (400/409/422), naming the fields where it could. */
public class InvalidAtService extends RuntimeException {

  private final transient List<FieldProblem> fields;

  public InvalidAtService(String detail, List<FieldProblem> fields) {
    super(detail, null, false, false);
    this.fields = List.copyOf(fields);
  }

  public List<FieldProblem> fields() {
    return fields;
  }
}
