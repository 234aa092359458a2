package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;
import static org.improvementhub.tenancy.TenancyTestSupport.token;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.audit.AuditCompleteness;
import org.improvementhub.testsupport.audit.AuditCompletenessResult;
import org.improvementhub.testsupport.audit.AuditTrailPage;
import org.improvementhub.testsupport.audit.AuditedWrite;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every write route of tenancy, taken from its router, performed once: each must leave an entry in
 * the tenancy trail saying who (the signed-in person's email), when, which council, user or
 * setting, and what it was before or after. A route without an example fails ("no example for …");
 * the sign-in routes are listed as not changes, with the reason. Also: who may read which part of
 * the trail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyAuditCompletenessIT implements TestPropertyProvider {

  private static final String JSON = "application/json";
  private static final String PASSWORD = "a-long-enough-password";

  // the SSO example's provider must be on the platform's allow-list to be saved (and audited)
  private final HubTestProperties properties =
      TenancyTestSupport.properties().with("hub.sso.allowed-issuer-hosts", "login.example.org");
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final String walsallAdminEmail = "admin@" + walsall + ".example";

  @Inject EmbeddedServer server;
  private HubApi api;
  private String platformAdmin;
  private String walsallAdmin;
  private String peterboroughAdmin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void councilsWithAdmins() {
    api = new HubApi(server.getURL().toString());
    platformAdmin = token(api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    for (String council : new String[] {walsall, peterborough}) {
      created(api.post("/councils", platformAdmin, newCouncil(council, council, laCode(council))));
      created(
          api.post(
              "/councils/" + council + "/users",
              platformAdmin,
              newUser("admin@" + council + ".example", PASSWORD, "COUNCIL_ADMIN")));
    }
    // No other service runs here to answer CouncilSchemaReady: mark the councils ready by hand.
    TenancyTestSupport.execute(
        properties.database(),
        "UPDATE tenancy.registered_council SET status = 'ACTIVE' WHERE slug IN ('%s', '%s')"
            .formatted(walsall, peterborough));
    walsallAdmin = token(api, walsallAdminEmail, PASSWORD);
    peterboroughAdmin = token(api, "admin@" + peterborough + ".example", PASSWORD);
  }

  @Test
  void everyWriteRouteLeavesAnAuditEntryWithWhoWhenAndWhatChanged() {
    String w = "/councils/" + walsall;
    String[] user = new String[1];
    String newCouncil = TestCouncils.uniqueSlug("nottinghamshire");

    AuditCompleteness examples =
        AuditCompleteness.of(server.getApplicationContext(), "Tenancy")
            .notAChange(
                "POST /auth/login " + JSON,
                "signing in issues a token and changes no council, user or setting; failures"
                    + " and lock-outs are kept in sign_in_throttle and sign_in_lockout")
            .notAChange(
                "POST /auth/sso/{council}/start " + JSON,
                "starts a sign-in (a single-use state row); nothing a council owns changes")
            .notAChange(
                "POST /auth/sso/callback " + JSON,
                "finishes a sign-in; an account it creates or whose roles it maps is audited"
                    + " (CREATED_THROUGH_SSO, ROLES_FROM_PROVIDER), see CouncilSsoIT")
            .example(
                "POST /councils " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.POST, "/councils", newCouncil(newCouncil, "Notts", 891)))
            .example(
                "POST /councils/{council}/users " + JSON,
                () ->
                    AuditedWrite.json(
                            HttpMethod.POST,
                            w + "/users",
                            newUser("lead@" + walsall + ".example", PASSWORD, "ACTION_LEAD"))
                        .by(walsallAdmin, walsallAdminEmail),
                answer -> user[0] = answer.json().get("id").asText())
            .example(
                "PUT /councils/{council}/users/{id} " + JSON,
                () ->
                    AuditedWrite.json(
                            HttpMethod.PUT,
                            w + "/users/" + user[0],
                            "{\"roles\":[\"PROGRAMME_MANAGER\"],\"disabled\":true}")
                        .by(walsallAdmin, walsallAdminEmail))
            .example(
                "POST /users " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.POST,
                        "/users",
                        newObserver("observer-" + walsall + "@dfe.test", PASSWORD, walsall)))
            .example(
                "PUT /councils/{council}/sso " + JSON,
                () ->
                    AuditedWrite.json(
                            HttpMethod.PUT,
                            w + "/sso",
                            ("{\"issuer\":\"https://login.example.org/%s\",\"clientId\":\"hub\","
                                    + "\"clientSecretRef\":\"WALSALL_SSO_SECRET\","
                                    + "\"scopes\":[\"openid\",\"email\"],\"rolesClaim\":\"groups\","
                                    + "\"roleMapping\":{\"hub-admins\":\"COUNCIL_ADMIN\"},"
                                    + "\"enabled\":false}")
                                .formatted(walsall))
                        .by(walsallAdmin, walsallAdminEmail))
            .example(
                "POST /auth/password " + JSON,
                () ->
                    AuditedWrite.json(
                            HttpMethod.POST,
                            "/auth/password",
                            "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}"
                                .formatted(
                                    PASSWORD, "a-different-long-passphrase-for-peterborough"))
                        .by(peterboroughAdmin, "admin@" + peterborough + ".example"))
            .example(
                "POST /councils/{council}/suspend " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.POST, w + "/suspend", "{\"reason\":\"Contract ended\"}"))
            .example(
                "POST /councils/{council}/reinstate " + JSON,
                () -> AuditedWrite.json(HttpMethod.POST, w + "/reinstate", "{}"))
            .example(
                "POST /councils/{council}/restore application/zip",
                () ->
                    AuditedWrite.of(
                        HttpMethod.POST, w + "/restore", "application/zip", export(walsall)))
            .example(
                "POST /councils/{council}/archive " + JSON,
                () -> AuditedWrite.json(HttpMethod.POST, w + "/archive", "{}"));

    AuditCompletenessResult result =
        examples.run(
            api,
            platformAdmin,
            TenancyTestSupport.ADMIN_EMAIL,
            AuditTrailPage.at(api, "/audit", platformAdmin));
    System.out.print(result.table());
    assertThat(result.rows()).hasSize(10);
    assertThat(result.unaudited()).as("writes that left no complete audit entry").isEmpty();
    // the password change above ends the admin's earlier tokens (CredentialsVersions): sign in anew
    peterboroughAdmin =
        token(
            api,
            "admin@" + peterborough + ".example",
            "a-different-long-passphrase-for-peterborough");

    // the user's change names both sides, and never a password hash anywhere in the trail
    ApiResponse userTrail = api.get(w + "/audit?recordType=user&recordId=" + user[0], walsallAdmin);
    assertThat(userTrail.json().get("items").findValuesAsText("change"))
        .containsExactly("DISABLED_AND_ROLES_CHANGED", "CREATED");
    assertThat(userTrail.json().get("items").get(0).get("before").get("roles").toString())
        .contains("ACTION_LEAD");
    assertThat(api.get("/audit?size=200", platformAdmin).body())
        .doesNotContain("passwordHash")
        .doesNotContain("$2a$")
        .doesNotContain("a-different-long-passphrase");
  }

  @Test
  void aCouncilsAdminReadsOnlyTheirOwnCouncilsPartOfTheTrail() {
    String path = "/councils/" + peterborough + "/audit";
    ApiResponse own = api.get(path, peterboroughAdmin);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().get("items").findValuesAsText("council")).containsOnly(peterborough);
    assertThat(own.json().get("total").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(api.get(path, walsallAdmin).status()).isEqualTo(404);
    assertThat(api.get("/audit", peterboroughAdmin).status()).isEqualTo(403);
    ApiResponse badSize = api.get("/audit?size=0", platformAdmin);
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.body()).contains("size");
    // NUL in a filter was a 500 (found by the bench-size TenancyFuzzIT)
    for (String filter : new String[] {"council", "recordType", "recordId", "actor"}) {
      ApiResponse nul = api.get("/audit?" + filter + "=%00", platformAdmin);
      assertThat(nul.status()).as(filter + " " + nul.body()).isEqualTo(400);
      assertThat(nul.body()).contains("\"" + filter + "\"");
    }
  }

  private byte[] export(String council) {
    try {
      HttpResponse<byte[]> zip =
          HttpClient.newHttpClient()
              .send(
                  api.request("/councils/" + council + "/export", platformAdmin)
                      .setHeader("Accept", "application/zip")
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(zip.statusCode()).isEqualTo(200);
      return zip.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int laCode(String council) {
    return council.startsWith("walsall") ? 335 : 874;
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }
}
