package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.login;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;
import static org.improvementhub.tenancy.TenancyTestSupport.token;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A platform admin suspends, reinstates and archives a council: sign-in and tokens follow the
 * status, each change is in the history and announced as {@code CouncilStatusChanged}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilStatusIT implements TestPropertyProvider {

  private static final String PASSWORD = "a-long-enough-password";

  private final HubTestProperties properties = TenancyTestSupport.properties();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String platformAdmin;
  private String observer;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void twoActiveCouncils() {
    api = new HubApi(server.getURL().toString());
    platformAdmin = token(api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    for (String council : List.of(walsall, peterborough)) {
      int laCode = council.equals(walsall) ? 335 : 874;
      assertThat(
              api.post("/councils", platformAdmin, newCouncil(council, council, laCode)).status())
          .isEqualTo(201);
      assertThat(
              api.post(
                      "/councils/" + council + "/users",
                      platformAdmin,
                      newUser("admin@" + council + ".example", PASSWORD, "COUNCIL_ADMIN"))
                  .status())
          .isEqualTo(201);
    }
    assertThat(
            api.post(
                    "/users",
                    platformAdmin,
                    newObserver("observer-" + walsall + "@education.gov.uk", PASSWORD, "*"))
                .status())
        .isEqualTo(201);
    observer = token(api, "observer-" + walsall + "@education.gov.uk", PASSWORD);
    // No other service runs here to answer CouncilSchemaReady: mark both councils ready by hand.
    TenancyTestSupport.execute(
        properties.database(),
        "UPDATE tenancy.registered_council SET status = 'ACTIVE' WHERE slug IN ('%s', '%s')"
            .formatted(walsall, peterborough));
  }

  private ApiResponse change(String council, String change, String token, String body) {
    return api.post("/councils/" + council + "/" + change, token, body);
  }

  private String adminToken(String council) {
    return token(api, "admin@" + council + ".example", PASSWORD);
  }

  private ApiResponse addUser(String council, String token, String email) {
    return api.post(
        "/councils/" + council + "/users", token, newUser(email, PASSWORD, "ACTION_LEAD"));
  }

  @Test
  void suspendingStopsSignInAndTokensAndReinstatingRestoresThem() {
    String councilAdmin = adminToken(walsall);

    ApiResponse suspended =
        change(walsall, "suspend", platformAdmin, "{\"reason\":\"Contract ended in March\"}");
    assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
    assertThat(suspended.json().get("toStatus").asText()).isEqualTo("SUSPENDED");
    assertThat(api.get("/councils/" + walsall, platformAdmin).json().get("status").asText())
        .isEqualTo("SUSPENDED");

    ApiResponse signIn = login(api, "admin@" + walsall + ".example", PASSWORD);
    assertThat(signIn.status()).isEqualTo(423);
    assertThat(signIn.isProblem()).isTrue();
    assertThat(signIn.json().get("type").asText()).endsWith("council-suspended");
    ApiResponse wrongPassword = login(api, "admin@" + walsall + ".example", "not-the-password");
    assertThat(wrongPassword.status()).as("a wrong password learns nothing").isEqualTo(401);

    ApiResponse read = api.get("/councils/" + walsall + "/users", councilAdmin);
    assertThat(read.status()).as("its users' tokens are refused, reads too").isEqualTo(423);
    assertThat(read.json().get("type").asText()).endsWith("council-suspended");
    assertThat(addUser(walsall, councilAdmin, "lead1@" + walsall + ".example").status())
        .isEqualTo(423);
    assertThat(api.get("/councils/" + walsall, observer).status())
        .as("observers still see it")
        .isEqualTo(200);
    assertThat(addUser(walsall, platformAdmin, "lead2@" + walsall + ".example").status())
        .as("nobody changes a suspended council")
        .isEqualTo(423);
    assertThat(addUser(peterborough, adminToken(peterborough), "lead@p.example").status())
        .as("other councils carry on")
        .isEqualTo(201);

    ApiResponse reinstated = change(walsall, "reinstate", platformAdmin, "{}");
    assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
    assertThat(login(api, "admin@" + walsall + ".example", PASSWORD).status()).isEqualTo(200);
    assertThat(addUser(walsall, councilAdmin, "lead3@" + walsall + ".example").status())
        .as("the old token works again")
        .isEqualTo(201);

    ApiResponse history = api.get("/councils/" + walsall + "/status-changes", platformAdmin);
    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json()).hasSize(2);
    assertThat(history.json().get(0).get("fromStatus").asText()).isEqualTo("ACTIVE");
    assertThat(history.json().get(0).get("reason").asText()).isEqualTo("Contract ended in March");
    assertThat(history.json().get(1).get("toStatus").asText()).isEqualTo("ACTIVE");

    List<String> events =
        TestKafka.shared().read("tenancy.council.v1", walsall, Duration.ofSeconds(10)).stream()
            .filter(e -> e.contains("\"type\":\"CouncilStatusChanged\""))
            .toList();
    assertThat(events).hasSize(2);
    assertThat(events.get(0))
        .contains("\"status\":\"SUSPENDED\"")
        .contains("\"previousStatus\":\"ACTIVE\"");
    assertThat(events.get(1)).contains("\"status\":\"ACTIVE\"");
  }

  @Test
  void anArchivedCouncilIsReadOnlyForEveryone() {
    String council = TestCouncils.uniqueSlug("notts");
    assertThat(api.post("/councils", platformAdmin, newCouncil(council, "Notts", 891)).status())
        .isEqualTo(201);
    addUser(council, platformAdmin, "lead@" + council + ".example");
    TenancyTestSupport.execute(
        properties.database(),
        "UPDATE tenancy.registered_council SET status = 'ACTIVE' WHERE slug = '" + council + "'");

    assertThat(change(council, "archive", platformAdmin, "{\"reason\":\"Left\"}").status())
        .isEqualTo(200);
    String lead = token(api, "lead@" + council + ".example", PASSWORD);
    assertThat(api.get("/councils/" + council, lead).status()).isEqualTo(200);
    ApiResponse write = addUser(council, platformAdmin, "late@" + council + ".example");
    assertThat(write.status()).isEqualTo(423);
    assertThat(write.json().get("type").asText()).endsWith("council-archived");
    assertThat(change(council, "suspend", platformAdmin, "{\"reason\":\"x\"}").status())
        .as("an archived council cannot be suspended")
        .isEqualTo(409);
    assertThat(change(council, "reinstate", platformAdmin, "").status()).isEqualTo(200);
    assertThat(addUser(council, platformAdmin, "late@" + council + ".example").status())
        .isEqualTo(201);
  }

  @Test
  void badChangesAreRefusedWithTheFieldOrTheReason() {
    ApiResponse noReason = change(peterborough, "suspend", platformAdmin, "{}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    ApiResponse tooLong =
        change(peterborough, "suspend", platformAdmin, "{\"reason\":\"" + "x".repeat(501) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("reason");
    assertThat(change(peterborough, "reinstate", platformAdmin, "{}").status())
        .as("an active council cannot be reinstated")
        .isEqualTo(409);
    assertThat(change("no-such-council", "archive", platformAdmin, "{}").status()).isEqualTo(404);
  }

  @Test
  void onlyPlatformAdminsChangeAStatusAndOtherCouncilsSeeNothing() {
    String body = "{\"reason\":\"Trying\"}";
    assertThat(change(peterborough, "suspend", adminToken(peterborough), body).status())
        .as("a council's own admin")
        .isEqualTo(403);
    // the routes are declared for platform admins, so every other role is refused before any
    // council is looked at: the same 403 for another council as for one that does not exist
    assertThat(change(peterborough, "suspend", adminToken(walsall), body).status())
        .as("another council's admin")
        .isEqualTo(403);
    assertThat(change("no-such-council", "suspend", adminToken(walsall), body).status())
        .isEqualTo(403);
    ApiResponse otherHistory =
        api.get("/councils/" + peterborough + "/status-changes", adminToken(walsall));
    assertThat(otherHistory.status()).isEqualTo(403);
    assertThat(otherHistory.json().path("detail").asText()).doesNotContain("ACTIVE");
    assertThat(change(peterborough, "archive", observer, body).status()).isEqualTo(403);
    assertThat(change(peterborough, "archive", null, body).status()).isEqualTo(401);
    assertThat(api.get("/councils/" + peterborough, platformAdmin).json().get("status").asText())
        .isEqualTo("ACTIVE");
  }
}
