package org.improvementhub.testsupport.matrix;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.Caller.Kind;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * Every route of a running service × every kind of caller → the status each got against the one
 * due. Routes come from the service's router, so a route added tomorrow is in tomorrow's matrix.
 *
 * <pre>{@code
 * MatrixResult result = AuthorisationMatrix.of(server.getApplicationContext())
 *     .run(api, walsall, peterborough);
 * System.out.println(result.table());
 * assertThat(result.failures()).isEmpty();
 * }</pre>
 */
public final class AuthorisationMatrix {

  /** Roles a council's own people may hold. */
  private static final List<String> COUNCIL_ROLES =
      List.of("COUNCIL_ADMIN", "PROGRAMME_MANAGER", "ACTION_LEAD", "BOARD_MEMBER");

  /** Roles that may read a council's data but not change it. */
  private static final Set<String> READ_ONLY_ROLES = Set.of("BOARD_MEMBER", "DFE_OBSERVER");

  /**
   * Platform endpoints answered by Micronaut itself rather than by a controller of ours: health,
   * metrics and the API description are open to the cluster by design (see the chart's network
   * policy) and have no {@code @Secured}.
   */
  private static final List<String> PLATFORM_PATHS =
      List.of("/health", "/prometheus", "/swagger", "/openapi", "/webjars", "/static", "/assets");

  private final List<Route> routes;

  private AuthorisationMatrix(List<Route> routes) {
    this.routes = routes;
  }

  /** The routes of the service running in {@code context}. */
  public static AuthorisationMatrix of(ApplicationContext context) {
    List<Route> routes =
        context
            .getBean(Router.class)
            .uriRoutes()
            .map(Route::of)
            .filter(route -> route.method() != HttpMethod.HEAD)
            .filter(route -> route.method() != HttpMethod.OPTIONS)
            .filter(route -> PLATFORM_PATHS.stream().noneMatch(route.template()::startsWith))
            .distinct()
            .sorted(Comparator.comparing(Route::template).thenComparing(Route::method))
            .toList();
    return new AuthorisationMatrix(routes);
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * Calls every route as every caller, for {@code council}'s addresses; {@code otherCouncil} is the
   * council whose people must not see it.
   */
  public MatrixResult run(HubApi api, String council, String otherCouncil) {
    TestTokens tokens = TestTokens.shared();
    List<Caller> callers = new ArrayList<>();
    for (String role : COUNCIL_ROLES) {
      callers.add(new Caller(role, tokens.councilUser(council, role), Kind.OWN_COUNCIL, role));
    }
    callers.add(
        new Caller("PLATFORM_ADMIN", tokens.platformAdmin(), Kind.OWN_COUNCIL, "PLATFORM_ADMIN"));
    callers.add(
        new Caller(
            "other council",
            tokens.councilUser(otherCouncil, "COUNCIL_ADMIN", "PROGRAMME_MANAGER"),
            Kind.OTHER_COUNCIL,
            "PROGRAMME_MANAGER"));
    callers.add(
        new Caller(
            "observer in scope", tokens.observer(council), Kind.OBSERVER_IN_SCOPE, "DFE_OBSERVER"));
    callers.add(
        new Caller(
            "observer out of scope",
            tokens.observer(otherCouncil),
            Kind.OBSERVER_OUT_OF_SCOPE,
            "DFE_OBSERVER"));
    callers.add(new Caller("no token", null, Kind.UNAUTHENTICATED, null));
    callers.add(
        new Caller(
            "expired", tokens.expired(council, "COUNCIL_ADMIN"), Kind.UNAUTHENTICATED, null));
    callers.add(
        new Caller(
            "wrong signature",
            tokens.signedByStranger(council, "COUNCIL_ADMIN"),
            Kind.UNAUTHENTICATED,
            null));
    callers.add(
        new Caller(
            "alg none", tokens.unsigned(council, "COUNCIL_ADMIN"), Kind.UNAUTHENTICATED, null));
    callers.add(
        new Caller(
            "wrong aud",
            tokens.forAudience("another-service", council, "COUNCIL_ADMIN"),
            Kind.UNAUTHENTICATED,
            null));
    callers.add(
        new Caller(
            "wrong iss",
            tokens.fromIssuer("https://issuer.example", council, "COUNCIL_ADMIN"),
            Kind.UNAUTHENTICATED,
            null));

    List<MatrixResult.Cell> cells = new ArrayList<>();
    for (Route route : routes) {
      for (Caller caller : callers) {
        Expectation due = expectation(route, caller);
        ApiResponse answer = call(api, route, route.path(council), caller.token());
        cells.add(
            new MatrixResult.Cell(route, caller.name(), due, answer.status(), secured(answer)));
      }
    }
    return new MatrixResult(routes, callers.stream().map(Caller::name).toList(), cells);
  }

  static Expectation expectation(Route route, Caller caller) {
    if (route.anonymous()) {
      return caller.kind() == Kind.UNAUTHENTICATED && caller.token() != null
          ? Expectation.ANSWERED
          : Expectation.ALLOWED;
    }
    if (caller.kind() == Kind.UNAUTHENTICATED) {
      return Expectation.UNAUTHENTICATED;
    }
    boolean outsider =
        caller.kind() == Kind.OTHER_COUNCIL || caller.kind() == Kind.OBSERVER_OUT_OF_SCOPE;
    if (outsider && route.councilScoped()) {
      // a role the route refuses everywhere may be told so (403: it says nothing about this
      // council); a role it accepts must learn nothing of another council (404)
      return route.allows(caller.role()) && route.underCouncilPath()
          ? Expectation.HIDDEN
          : Expectation.NOT_SHOWN;
    }
    if (!route.allows(caller.role())) {
      return Expectation.FORBIDDEN;
    }
    // a read-only role may still change what is its own (its password), never a council's data
    if (route.write() && READ_ONLY_ROLES.contains(caller.role()) && !route.ownAccount()) {
      return Expectation.FORBIDDEN;
    }
    return Expectation.ALLOWED;
  }

  /**
   * Whether the answer carries the headers every response of every service must carry (the
   * security-headers library): checked on every cell, so every route, success or refusal.
   */
  static boolean secured(ApiResponse answer) {
    return answer.header("X-Content-Type-Options").filter("nosniff"::equals).isPresent()
        && answer.header("X-Frame-Options").isPresent()
        && answer.header("Referrer-Policy").isPresent()
        && answer
            .header("Content-Security-Policy")
            .filter(policy -> policy.contains("frame-ancestors 'none'"))
            .isPresent();
  }

  private static ApiResponse call(HubApi api, Route route, String path, String token) {
    HttpRequest.Builder request =
        api.request(path, token).setHeader("Accept", route.answer().toString());
    if (!route.write()) {
      return api.send(request.method(route.method().name(), HttpRequest.BodyPublishers.noBody()));
    }
    // the body the route takes, empty: enough for security to decide, and for validation to refuse
    String body;
    String type = route.body().toString();
    if (route.body().matches(MediaType.MULTIPART_FORM_DATA_TYPE)) {
      type = type + "; boundary=matrix-boundary";
      body = "--matrix-boundary--\r\n";
    } else if (route.body().matches(MediaType.APPLICATION_JSON_TYPE)) {
      body = "{}";
    } else {
      body = "";
    }
    request
        .header("Content-Type", type)
        .method(route.method().name(), HttpRequest.BodyPublishers.ofString(body));
    return api.send(request);
  }
}
