package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;

/**
 * A password change ends the person's earlier tokens in every service, each a real process: tenancy
 * announces the change through its outbox and Kafka, and plans, measures, notifications and
 * oversight then answer the old token 401 (within seconds, not when it expires in an hour), while a
 * token issued after the change is served. A council's programme manager for the council services;
 * a DfE observer, who belongs to no council, for oversight.
 */
class PasswordChangeEndsTokensEverywhereIT {

  private static final String PASSWORD = "Before-The-Change-2026";
  private static final String NEW_PASSWORD = "After-The-Change-2026";
  private static final Duration HEARD_WITHIN = Duration.ofSeconds(60);

  private final RunningStack stack = RunningStack.shared();
  private final HubApi tenancy = stack.api("tenancy");
  private final String council = TestCouncils.uniqueSlug("sandwell");
  private final String run = UUID.randomUUID().toString().substring(0, 6);

  @Test
  void aProgrammeManagersOldTokenIsRefusedByEveryCouncilServiceAfterTheChange() {
    String email = "pm-" + run + "@password.test";
    String before =
        stack.provisionWithManager(
            stack.adminToken(), council, "Sandwell Council", 333, email, PASSWORD);
    Map<String, String> reads =
        Map.of(
            "plans", "/councils/" + council + "/actions",
            "measures", "/councils/" + council + "/measures",
            "notifications", "/councils/" + council + "/notification-preferences/me");
    reads.forEach(
        (service, path) ->
            assertThat(stack.api(service).get(path, before).status())
                .as("%s %s before the change", service, path)
                .isEqualTo(200));

    changePassword(before);

    String after = DemoCouncils.login(tenancy, email, NEW_PASSWORD);
    reads.forEach(
        (service, path) -> {
          stack.api(service).awaitGet(path, before, r -> r.status() == 401, HEARD_WITHIN);
          assertThat(stack.api(service).get(path, after).status())
              .as("%s %s with a token issued after the change", service, path)
              .isEqualTo(200);
        });
  }

  @Test
  void anObserversOldTokenIsRefusedByOversightAfterTheChange() {
    String admin = stack.adminToken();
    String email = "observer-" + run + "@password.test";
    ApiResponse observer =
        tenancy.post(
            "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"Observer\",\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}"
                .formatted(email, PASSWORD));
    assertThat(observer.status()).as(observer.body()).isEqualTo(201);
    String before = DemoCouncils.login(tenancy, email, PASSWORD);
    HubApi oversight = stack.api("oversight");
    assertThat(oversight.get("/oversight/councils", before).status()).isEqualTo(200);

    changePassword(before);

    oversight.awaitGet("/oversight/councils", before, r -> r.status() == 401, HEARD_WITHIN);
    String after = DemoCouncils.login(tenancy, email, NEW_PASSWORD);
    assertThat(oversight.get("/oversight/councils", after).status()).isEqualTo(200);
  }

  private void changePassword(String token) {
    ApiResponse changed =
        tenancy.post(
            "/auth/password",
            token,
            "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                .formatted(PASSWORD, NEW_PASSWORD));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
  }
}
