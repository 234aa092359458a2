package org.improvementhub.web.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import java.util.List;

/**
 * Refuses a request whose {@code Content-Length} is above the service's {@code
 * micronaut.server.max-request-size} with 413 before any of its body is read. Without it a
 * multipart form that declares too much was never answered: Micronaut's form decoder failed the
 * body at its headers and then asked the connection for no more bytes, so a client still writing
 * the body waited on a full socket until it gave up (Micronaut answers the same refusal of a raw
 * body, which it keeps reading; micronaut-core #13243, fixed in 5.x). Refused here, the body is
 * never subscribed to and Micronaut drops it as it arrives. Found by {@code MeasuresFuzzIT}: an 11
 * MB part sent to measures' 1 MB limit. A body sent in chunks, its length not declared, is counted
 * as it is read and refused by Micronaut itself.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OversizedBodies implements Ordered {

  private final long maxRequestSize;

  public OversizedBodies(HttpServerConfiguration server) {
    this.maxRequestSize = server.getMaxRequestSize();
  }

  /** The refusal for {@code request}, or null to let it through. */
  @RequestFilter
  public @Nullable HttpResponse<Problem> refuseDeclaredOversize(HttpRequest<?> request) {
    long declared = request.getContentLength();
    if (declared <= maxRequestSize) {
      return null;
    }
    String reason = "declares " + declared + " bytes; at most " + maxRequestSize + " are accepted";
    ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
    Problem problem =
        new Problem(
            Problem.TYPE_PREFIX + type.slug(),
            type.title(),
            type.status(),
            "Content-Length: " + reason,
            request.getPath(),
            List.of(new Problem.FieldError("Content-Length", reason)));
    return HttpResponse.<Problem>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .contentType(Problem.MEDIA_TYPE)
        .body(problem);
  }

  /** Before security, so that a caller without a token is not left hanging either. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }
}
