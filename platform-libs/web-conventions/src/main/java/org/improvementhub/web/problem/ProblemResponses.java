package org.improvementhub.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds HTTP responses that carry a {@link Problem} with the problem+json content type. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static MutableHttpResponse<Problem> of(Problem problem) {
    return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
  }

  public static MutableHttpResponse<Problem> of(HttpRequest<?> request, Problem problem) {
    return of(problem.at(request.getPath()));
  }

  public static MutableHttpResponse<Problem> of(
      HttpRequest<?> request, ProblemType type, String detail) {
    return of(request, Problem.of(type, detail));
  }
}
