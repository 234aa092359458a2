package org.improvementhub.tenancy.context;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.Set;
import org.improvementhub.web.problem.ProblemResponses;
import org.improvementhub.web.problem.ProblemType;

/**
 * Applies {@link CouncilAccess} to every council API call before any controller runs: the path
 * names the council, the token decides. Runs after the security filter has authenticated the
 * caller; anonymous calls are left to the security rules (401).
 */
@ServerFilter("/councils/**")
public class CouncilAccessFilter implements Ordered {

  private static final Set<HttpMethod> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  @RequestFilter
  @Nullable
  public HttpResponse<?> checkCouncilAccess(HttpRequest<?> request) {
    Optional<String> segment = CouncilPaths.councilSegment(request.getPath());
    Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
    if (segment.isEmpty() || caller.isEmpty()) {
      return null;
    }
    Optional<CouncilSlug> council = CouncilSlug.parse(segment.get());
    if (council.isEmpty()) {
      return ProblemResponses.of(
          request, ProblemType.NOT_FOUND, "No council '" + segment.get() + "' was found");
    }
    boolean write = !READS.contains(request.getMethod());
    return switch (CouncilAccess.decide(caller.get(), council.get(), write)) {
      case ALLOWED -> null;
      case HIDDEN ->
          ProblemResponses.of(
              request, ProblemType.NOT_FOUND, "No council '" + council.get() + "' was found");
      case READ_ONLY ->
          ProblemResponses.of(
              request,
              ProblemType.FORBIDDEN,
              "Your role may read this council's data but not change it");
    };
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
