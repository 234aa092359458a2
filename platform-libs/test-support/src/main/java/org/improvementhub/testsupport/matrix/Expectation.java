package org.improvementhub.testsupport.matrix;

/** What a caller should get from a route. */
public enum Expectation {
  /** Let through: whatever the route then answers, but never 401, 403 or a server error. */
  ALLOWED("ok"),
  UNAUTHENTICATED("401"),
  FORBIDDEN("403"),
  /** Another council's records do not exist for the caller. */
  HIDDEN("404"),
  /** Refused without telling whether the council exists: 403 or 404. */
  NOT_SHOWN("403/404"),
  /** A public route given a bad token: anything but a server error. */
  ANSWERED("any");

  private final String label;

  Expectation(String label) {
    this.label = label;
  }

  boolean metBy(int status) {
    if (status >= 500) {
      return false;
    }
    return switch (this) {
      case ALLOWED -> status != 401 && status != 403;
      case UNAUTHENTICATED -> status == 401;
      case FORBIDDEN -> status == 403;
      case HIDDEN -> status == 404;
      case NOT_SHOWN -> status == 403 || status == 404;
      case ANSWERED -> true;
    };
  }

  /** A refusal was due and the route answered with success: data went where it must not. */
  boolean leakedBy(int status) {
    return this != ALLOWED && this != ANSWERED && status >= 200 && status < 300;
  }

  String label() {
    return label;
  }
}
