package org.improvementhub.testsupport.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import java.util.List;
import java.util.Set;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.Route;
import org.junit.jupiter.api.Test;

/** A write route nobody wrote an example for fails the run by name, before anything is sent. */
class AuditCompletenessTest {

  private static final HubApi NOWHERE = new HubApi("http://127.0.0.1:9");
  private static final AuditTrailPage NO_TRAIL =
      () -> {
        throw new AssertionError("the trail is not read when examples are missing");
      };

  private static Route route(HttpMethod method, String template) {
    return new Route(
        method,
        template,
        Set.of("PLATFORM_ADMIN"),
        MediaType.APPLICATION_JSON_TYPE,
        MediaType.APPLICATION_JSON_TYPE);
  }

  @Test
  void aWriteRouteWithoutAnExampleIsNamed() {
    AuditCompleteness completeness =
        AuditCompleteness.forRoutes(
                "Tenancy",
                List.of(
                    route(HttpMethod.GET, "/councils"),
                    route(HttpMethod.POST, "/councils"),
                    route(HttpMethod.PUT, "/me/password")))
            .example(
                "POST /councils application/json",
                () -> AuditedWrite.json(HttpMethod.POST, "/councils", "{}"));

    assertThatThrownBy(() -> completeness.run(NOWHERE, "token", "actor", NO_TRAIL))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no example for PUT /me/password application/json")
        .hasMessageNotContaining("GET /councils");
  }

  @Test
  void anExampleForARouteTheServiceDoesNotServeIsNamed() {
    AuditCompleteness completeness =
        AuditCompleteness.forRoutes("Plans", List.of(route(HttpMethod.POST, "/councils")))
            .example(
                "POST /councils application/json",
                () -> AuditedWrite.json(HttpMethod.POST, "/councils", "{}"))
            .notAChange("POST /auth/login application/json", "signing in");

    assertThatThrownBy(() -> completeness.run(NOWHERE, "token", "actor", NO_TRAIL))
        .hasMessageContaining(
            "an example for POST /auth/login application/json, which Plans does not serve");
  }
}
