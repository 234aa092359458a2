package org.improvementhub.tenancy.context;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import jakarta.inject.Singleton;
import java.util.List;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemResponses;
import org.improvementhub.web.problem.ProblemType;

/** Turns council resolution failures into 404/503/400 problems instead of Micronaut's 500. */
public final class CouncilProblemHandlers {

  private CouncilProblemHandlers() {}

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  public static class CouncilNotFoundHandler
      implements ExceptionHandler<CouncilNotFoundException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CouncilNotFoundException exception) {
      return ProblemResponses.of(request, ProblemType.NOT_FOUND, exception.getMessage());
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  public static class CouncilNotReadyHandler
      implements ExceptionHandler<CouncilNotReadyException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CouncilNotReadyException exception) {
      return HttpResponse.<Problem>status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "5")
          .contentType(Problem.MEDIA_TYPE)
          .body(
              Problem.of(ProblemType.COUNCIL_NOT_READY, exception.getMessage())
                  .at(request.getPath()));
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  public static class TenantNotFoundHandler
      implements ExceptionHandler<TenantNotFoundException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, TenantNotFoundException exception) {
      return ProblemResponses.of(request, ProblemType.NOT_FOUND, "No council was found");
    }
  }

  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  public static class InvalidCouncilSlugHandler
      implements ExceptionHandler<InvalidCouncilSlugException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(
        HttpRequest request, InvalidCouncilSlugException exception) {
      return ProblemResponses.of(
          request,
          Problem.invalid(
              exception.getMessage(),
              List.of(new Problem.FieldError("slug", exception.getMessage()))));
    }
  }
}
