package org.improvementhub.tenancy.context;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;
import java.util.Set;
import org.improvementhub.web.problem.ProblemResponses;
import org.improvementhub.web.problem.ProblemType;

/**
 * Applies {@link CouncilStatusRule} to every council API call, after {@link CouncilAccessFilter}: a
 * caller who may not see the council still gets 404, never a hint that it is suspended.
 */
@ServerFilter("/councils/**")
@Requires(beans = CouncilStatuses.class)
public class CouncilStatusFilter implements Ordered {

  private static final Set<HttpMethod> READS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final CouncilStatuses statuses;

  public CouncilStatusFilter(CouncilStatuses statuses) {
    this.statuses = statuses;
  }

  @RequestFilter
  @Nullable
  public HttpResponse<?> checkCouncilStatus(HttpRequest<?> request) {
    Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
    Optional<CouncilSlug> council =
        CouncilPaths.councilSegment(request.getPath()).flatMap(CouncilSlug::parse);
    if (caller.isEmpty() || council.isEmpty() || anyStatus(request)) {
      return null;
    }
    boolean write = !READS.contains(request.getMethod());
    Optional<ProblemType> refusal =
        CouncilStatusRule.refusal(
            statuses.statusOf(council.get()), council.get(), caller.get(), write);
    return refusal
        .map(
            type ->
                ProblemResponses.of(request, type, CouncilStatusRule.detail(type, council.get())))
        .orElse(null);
  }

  private static boolean anyStatus(HttpRequest<?> request) {
    return RouteAttributes.getRouteMatch(request)
        .map(
            route ->
                route.getRouteInfo().getAnnotationMetadata().hasAnnotation(AnyCouncilStatus.class))
        .orElse(false);
  }

  @Override
  public int getOrder() {
    // just after CouncilAccessFilter (SECURITY.after()), so hidden councils stay hidden
    return ServerFilterPhase.SECURITY.after() + 1;
  }
}
