package org.improvementhub.web.problem;

/** The stable kinds of problem the platform reports. Clients may switch on the type URI. */
public enum ProblemType {
  VALIDATION("validation", "Your request has invalid fields", 400),
  MALFORMED_REQUEST("malformed-request", "The request could not be read", 400),
  UNAUTHENTICATED("unauthenticated", "Sign in to continue", 401),
  FORBIDDEN("forbidden", "You may not do this", 403),
  NOT_FOUND("not-found", "Not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  COUNCIL_SUSPENDED("council-suspended", "This council is suspended", 423),
  COUNCIL_ARCHIVED("council-archived", "This council is archived and can only be read", 423),
  TOO_MANY_REQUESTS("too-many-requests", "Too many attempts: try again later", 429),
  COUNCIL_NOT_READY("council-not-ready", "This council is being prepared", 503),
  UNAVAILABLE("unavailable", "Service unavailable", 503),
  BUSY("busy", "Service busy", 503),
  INTERNAL("internal", "Something went wrong on our side", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The type that fits an HTTP status Micronaut produced on its own. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status
          && type != VALIDATION
          && type != COUNCIL_NOT_READY
          && type != BUSY
          && type != COUNCIL_SUSPENDED
          && type != COUNCIL_ARCHIVED) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
  }
}
