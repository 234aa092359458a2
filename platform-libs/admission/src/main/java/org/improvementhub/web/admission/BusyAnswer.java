package org.improvementhub.web.admission;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * What a caller turned away by {@link AdmissionControl} gets: a 503 with {@code Retry-After}. The
 * API services answer problem+json (web-conventions' {@code ProblemBusyAnswer}); the portal a
 * GOV.UK page. Built on the event loop: it must not block.
 */
public interface BusyAnswer {

  MutableHttpResponse<?> to(HttpRequest<?> request, Refusal reason);
}
