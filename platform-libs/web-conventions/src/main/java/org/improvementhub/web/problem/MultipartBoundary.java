package org.improvementhub.web.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a multipart form whose {@code Content-Type} names an empty boundary ({@code boundary=},
 * {@code boundary=""}, an unclosed quote) before its body is read: Netty's decoder fails on it with
 * an index out of bounds, which reached the caller as a 500 (found by {@code PlansFuzzIT}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MultipartBoundary {

  /** The refusal for {@code request}, or null to let it through. */
  @RequestFilter
  public @Nullable HttpResponse<Problem> refuseEmptyBoundary(HttpRequest<?> request) {
    String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    if (isUsable(type)) {
      return null;
    }
    String reason = "names an empty multipart boundary";
    return HttpResponse.<Problem>badRequest()
        .contentType(Problem.MEDIA_TYPE)
        .body(
            Problem.invalid(
                    "Content-Type: " + reason,
                    List.of(new Problem.FieldError("Content-Type", reason)))
                .at(request.getPath()));
  }

  /**
   * False only for a multipart form type whose boundary parameter is there but empty; a type
   * without one is left to the route (which then finds no parts).
   */
  static boolean isUsable(@Nullable String contentType) {
    if (contentType == null
        || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return true;
    }
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.strip();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = trimmed.substring("boundary=".length()).strip();
        if (value.startsWith("\"")) {
          if (value.length() < 2 || !value.endsWith("\"")) {
            return false;
          }
          value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }
}
