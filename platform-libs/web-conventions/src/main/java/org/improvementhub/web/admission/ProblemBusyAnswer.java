package org.improvementhub.web.admission;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.improvementhub.web.problem.Problem;
import org.improvementhub.web.problem.ProblemType;

/**
 * What an API's caller turned away by {@link AdmissionControl} gets: 503 problem+json, titled
 * "Service busy", with {@code Retry-After} ({@code hub.admission.retry-after}, seconds).
 */
@Singleton
public class ProblemBusyAnswer implements BusyAnswer {

  private final String retryAfterSeconds;

  public ProblemBusyAnswer(@Value("${hub.admission.retry-after:2}") int retryAfterSeconds) {
    this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
  }

  @Override
  public MutableHttpResponse<?> to(HttpRequest<?> request, Refusal reason) {
    String detail =
        reason == Refusal.QUEUE_FULL
            ? "The service is busy and cannot take this request now; please retry after "
                + retryAfterSeconds
                + " seconds."
            : "The service is busy: this request waited for its turn and none came; please retry"
                + " after "
                + retryAfterSeconds
                + " seconds.";
    return HttpResponse.<Problem>status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(Problem.MEDIA_TYPE)
        .header("Retry-After", retryAfterSeconds)
        .body(Problem.of(ProblemType.BUSY, detail).at(request.getPath()));
  }

  /** Seconds the caller is asked to wait, as sent in {@code Retry-After}. */
  public String retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
