package org.improvementhub.tenancy.signin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemResponses;
import org.improvementhub.web.problem.ProblemType;

/** 429 problem+json with {@code Retry-After}; it says nothing of whether the account exists. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public class SignInLockedOutHandler
    implements ExceptionHandler<SignInLockedOut, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, SignInLockedOut exception) {
    long seconds = exception.retryAfterSeconds();
    return ProblemResponses.of(
            request,
            ProblemType.TOO_MANY_REQUESTS,
            "Too many failed sign-ins: try again in " + minutes(seconds))
        .header("Retry-After", Long.toString(seconds))
        .header("Cache-Control", "no-store");
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
