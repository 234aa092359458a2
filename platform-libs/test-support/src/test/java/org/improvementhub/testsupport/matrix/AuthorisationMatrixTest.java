package org.improvementhub.testsupport.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import java.util.Set;
import org.improvementhub.testsupport.matrix.Caller.Kind;
import org.junit.jupiter.api.Test;

/** What each kind of caller is due from a route, before any request is sent. */
class AuthorisationMatrixTest {

  private static final Route CREATE_ACTION =
      route(HttpMethod.POST, "/councils/{council}/actions", "COUNCIL_ADMIN", "PROGRAMME_MANAGER");
  private static final Route READ_ACTIONS =
      route(HttpMethod.GET, "/councils/{council}/actions", "isAuthenticated()");
  private static final Route OBSERVER_DASHBOARD =
      route(HttpMethod.GET, "/oversight/councils/{council}", "DFE_OBSERVER", "PLATFORM_ADMIN");

  @Test
  void badTokensAreUnauthenticatedEverywhereButPublicRoutes() {
    Caller expired = new Caller("expired", "x.y.z", Kind.UNAUTHENTICATED, null);
    assertThat(AuthorisationMatrix.expectation(READ_ACTIONS, expired))
        .isEqualTo(Expectation.UNAUTHENTICATED);
    Route login = route(HttpMethod.POST, "/auth/login", "isAnonymous()");
    assertThat(AuthorisationMatrix.expectation(login, expired)).isEqualTo(Expectation.ANSWERED);
  }

  @Test
  void anotherCouncilsPeopleAreToldNothing() {
    Caller other = new Caller("other", "t", Kind.OTHER_COUNCIL, "PROGRAMME_MANAGER");
    assertThat(AuthorisationMatrix.expectation(CREATE_ACTION, other)).isEqualTo(Expectation.HIDDEN);
    assertThat(AuthorisationMatrix.expectation(OBSERVER_DASHBOARD, other))
        .isEqualTo(Expectation.NOT_SHOWN);
  }

  @Test
  void readOnlyRolesMayReadButNotWrite() {
    Caller observer = new Caller("observer", "t", Kind.OBSERVER_IN_SCOPE, "DFE_OBSERVER");
    Caller board = new Caller("board", "t", Kind.OWN_COUNCIL, "BOARD_MEMBER");
    assertThat(AuthorisationMatrix.expectation(READ_ACTIONS, observer))
        .isEqualTo(Expectation.ALLOWED);
    assertThat(AuthorisationMatrix.expectation(CREATE_ACTION, observer))
        .isEqualTo(Expectation.FORBIDDEN);
    assertThat(AuthorisationMatrix.expectation(CREATE_ACTION, board))
        .isEqualTo(Expectation.FORBIDDEN);
  }

  @Test
  void readOnlyRolesMayChangeWhatIsTheirOwnButNoCouncilsData() {
    Route ownPassword = route(HttpMethod.POST, "/auth/password", "isAuthenticated()");
    Route councilWrite = route(HttpMethod.POST, "/councils/{council}/values", "isAuthenticated()");
    Caller observer = new Caller("observer", "t", Kind.OBSERVER_IN_SCOPE, "DFE_OBSERVER");
    Caller board = new Caller("board", "t", Kind.OWN_COUNCIL, "BOARD_MEMBER");
    assertThat(AuthorisationMatrix.expectation(ownPassword, observer))
        .isEqualTo(Expectation.ALLOWED);
    assertThat(AuthorisationMatrix.expectation(ownPassword, board)).isEqualTo(Expectation.ALLOWED);
    assertThat(AuthorisationMatrix.expectation(councilWrite, board))
        .isEqualTo(Expectation.FORBIDDEN);
  }

  @Test
  void aRoleTheRouteDoesNotNameIsForbidden() {
    Caller lead = new Caller("lead", "t", Kind.OWN_COUNCIL, "ACTION_LEAD");
    assertThat(AuthorisationMatrix.expectation(CREATE_ACTION, lead))
        .isEqualTo(Expectation.FORBIDDEN);
    assertThat(AuthorisationMatrix.expectation(OBSERVER_DASHBOARD, lead))
        .isEqualTo(Expectation.FORBIDDEN);
  }

  @Test
  void aSuccessWhereARefusalWasDueIsALeak() {
    assertThat(Expectation.HIDDEN.leakedBy(200)).isTrue();
    assertThat(Expectation.HIDDEN.metBy(404)).isTrue();
    assertThat(Expectation.ALLOWED.metBy(500)).isFalse();
    assertThat(Expectation.ALLOWED.leakedBy(200)).isFalse();
  }

  @Test
  void pathsAreFilledForTheCouncilAsked() {
    Route route = route(HttpMethod.GET, "/councils/{council}/actions/{id}/progress-reports", "x");
    assertThat(route.path("walsall"))
        .matches("/councils/walsall/actions/[0-9a-f-]{36}/progress-reports");
  }

  private static Route route(HttpMethod method, String template, String... roles) {
    return new Route(
        method,
        template,
        Set.of(roles),
        MediaType.APPLICATION_JSON_TYPE,
        MediaType.APPLICATION_JSON_TYPE);
  }
}
