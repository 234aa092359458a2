package org.improvementhub.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An RFC 9457 problem document. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    @Nullable List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** Stable problem types share this prefix; the suffix names the kind of problem. */
  public static final String TYPE_PREFIX = "https://improvementhub.org/problems/";

  public static Problem of(ProblemType type, String detail) {
    return new Problem(
        TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, List.of());
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    ProblemType type = ProblemType.VALIDATION;
    return new Problem(
        TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, List.copyOf(errors));
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  /** One offending input field: a JSON path such as {@code leads[0].email}, and why. */
  @Serdeable
  public record FieldError(String field, String message) {}
}
