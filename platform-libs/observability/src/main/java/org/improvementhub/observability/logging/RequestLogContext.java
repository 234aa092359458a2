package org.improvementhub.observability.logging;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is a plain token, otherwise a
 * new one), echoes it in the response, and puts it and the council named in the path into the
 * logging context of the threads that handle the request.
 *
 * <p>The values travel in Micronaut's propagated context, not in the event loop's MDC: Micronaut
 * sets them on whichever thread runs the controller and restores that thread's previous MDC when
 * the controller returns.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "hub.logging.request-context.enabled", notEquals = "false")
public class RequestLogContext implements Ordered {

  /** The header carrying the request id in and out. */
  public static final String HEADER = "X-Request-Id";

  private static final String ATTRIBUTE = "hub.request-id";
  private static final Pattern ACCEPTED_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

  @RequestFilter
  public void enter(HttpRequest<?> request, MutablePropagatedContext context) {
    String requestId =
        Optional.ofNullable(request.getHeaders().get(HEADER))
            .filter(id -> ACCEPTED_ID.matcher(id).matches())
            .orElseGet(() -> UUID.randomUUID().toString());
    request.setAttribute(ATTRIBUTE, requestId);
    Map<String, String> values = new HashMap<>();
    values.put(LogContext.REQUEST_ID, requestId);
    councilIn(request.getPath()).ifPresent(council -> values.put(LogContext.COUNCIL, council));
    context.add(new MdcPropagationContext(values));
  }

  @ResponseFilter
  public void leave(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(ATTRIBUTE, String.class)
        .ifPresent(id -> response.getHeaders().set(HEADER, id));
  }

  /** The slug after a {@code /councils/} segment, if the path has a valid one. */
  static Optional<String> councilIn(String path) {
    String[] segments = path.split("/");
    for (int i = 0; i + 1 < segments.length; i++) {
      if ("councils".equals(segments[i])) {
        return CouncilSlug.parse(segments[i + 1]).map(CouncilSlug::value);
      }
    }
    return Optional.empty();
  }

  /** Runs before security, so even a refused request is logged with its id. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }
}
