package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole tenancy with {@code hub.sso.allow-inside-addresses} false, as the chart runs it: a
 * council admin who points the council's single sign-on at a host inside the platform's network
 * (loopback by address or by name, the cloud's metadata service, IPv6 loopback) is refused with a
 * problem naming {@code issuer}, even though the platform's allow-list names the host, and each
 * refusal is in the council's audit trail (who, when, which issuer, why); and a sign-in through
 * settings stored before (the check turned on later, or a name that resolved elsewhere then) is
 * refused too. The provider, a real one on 127.0.0.1, never sees a request.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsideProviderAddressesIT implements TestPropertyProvider {

  private static final String REDIRECT = "http://127.0.0.1:9/sign-in/sso-callback";

  private final MockOAuth2Server provider = started();
  private final HubTestProperties properties =
      TenancyTestSupport.properties()
          .with("hub.sso.redirect-uris", REDIRECT)
          .with("hub.sso.allow-local-http-issuers", "true")
          // on the allow-list, so that only the address check stands between them and a call
          .with("hub.sso.allowed-issuer-hosts", "localhost,127.0.0.1,169.254.169.254")
          .with("hub.sso.allow-inside-addresses", "false");
  private final String walsall = TestCouncils.uniqueSlug("walsall");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String walsallAdmin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void aCouncilAndItsAdmin() {
    api = new HubApi(server.getURL().toString());
    String platformAdmin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    assertThat(
            api.post(
                    "/councils",
                    platformAdmin,
                    TenancyTestSupport.newCouncil(walsall, "Walsall", 335))
                .status())
        .isEqualTo(201);
    String email = "admin@" + walsall + ".example";
    assertThat(
            api.post(
                    "/councils/" + walsall + "/users",
                    platformAdmin,
                    TenancyTestSupport.newUser(email, "a-long-enough-password", "COUNCIL_ADMIN"))
                .status())
        .isEqualTo(201);
    walsallAdmin = TenancyTestSupport.token(api, email, "a-long-enough-password");
  }

  @AfterAll
  void stopTheProvider() {
    provider.shutdown();
  }

  @Test
  void anIssuerInsideThePlatformsNetworkIsRefusedWhenSavedNamingTheIssuer() throws Exception {
    int port = provider.url("/").port();
    List<String> inside =
        List.of(
            "http://127.0.0.1:" + port + "/walsall",
            "http://localhost:" + port + "/walsall",
            "https://169.254.169.254/latest/meta-data",
            "http://[::1]:" + port + "/walsall");
    for (String issuer : inside) {
      ApiResponse answer = api.put("/councils/" + walsall + "/sso", walsallAdmin, settings(issuer));

      assertThat(answer.status()).as(issuer + " → " + answer.body()).isEqualTo(400);
      assertThat(answer.contentType()).contains("problem+json");
      assertThat(answer.json().get("errors").findValuesAsText("field"))
          .as(issuer)
          .containsExactly("issuer");
    }
    // the three on the allow-list are refused for where they lead, [::1] for not being on it
    ApiResponse loopback =
        api.put("/councils/" + walsall + "/sso", walsallAdmin, settings(inside.get(0)));
    assertThat(loopback.body()).contains("inside the platform's network");
    // nothing stored, so no change in the council's history, and nothing asked of the provider
    assertThat(api.get("/councils/" + walsall + "/sso", walsallAdmin).status()).isEqualTo(404);
    assertThat(
            TenancyTestSupport.query(
                properties.database(),
                "SELECT count(*) FROM tenancy.council_sso_change WHERE council = ?",
                walsall))
        .containsExactly("0");
    assertThat(requestsTheProviderSaw()).isZero();

    // but each refusal is in the council's audit trail: who, when, which issuer and why
    ApiResponse trail =
        api.get("/councils/" + walsall + "/audit?recordType=sso-settings&size=50", walsallAdmin);
    assertThat(trail.status()).as(trail.body()).isEqualTo(200);
    List<JsonNode> refused = new ArrayList<>();
    trail.json().get("items").forEach(refused::add);
    assertThat(refused).hasSize(inside.size() + 1);
    for (JsonNode entry : refused) {
      assertThat(entry.get("change").asText()).isEqualTo("REFUSED");
      assertThat(entry.get("actor").asText()).isEqualTo("admin@" + walsall + ".example");
      assertThat(entry.get("occurredAt").asText()).isNotBlank();
    }
    // newest first: the second loopback try, then the four in reverse
    List<String> issuers = new ArrayList<>(inside);
    issuers.add(inside.get(0));
    Collections.reverse(issuers);
    assertThat(refused.stream().map(e -> e.path("after").path("issuer").asText()))
        .containsExactlyElementsOf(issuers);
    assertThat(refused.get(0).path("after").path("reason").asText())
        .contains("inside the platform's network");
    assertThat(refused.get(1).path("after").path("reason").asText())
        .contains("does not allow (hub.sso.allowed-issuer-hosts)");
  }

  @Test
  void anIssuerRefusedForATypingMistakeLeavesNoAuditEntry() {
    String council = TestCouncils.uniqueSlug("walsall");
    String platformAdmin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    assertThat(
            api.post(
                    "/councils",
                    platformAdmin,
                    TenancyTestSupport.newCouncil(council, "Walsall again", 876))
                .status())
        .isEqualTo(201);

    ApiResponse answer =
        api.put("/councils/" + council + "/sso", platformAdmin, settings("not a url"));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(
            api.get("/councils/" + council + "/audit?recordType=sso-settings", platformAdmin)
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void aSignInThroughSettingsStoredBeforeIsRefusedAndTheProviderIsNeverCalled() throws Exception {
    String council = TestCouncils.uniqueSlug("peterborough");
    String platformAdmin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    assertThat(
            api.post(
                    "/councils",
                    platformAdmin,
                    TenancyTestSupport.newCouncil(council, "Peterborough", 874))
                .status())
        .isEqualTo(201);
    // as a save before the platform turned the check on would have left them
    TenancyTestSupport.execute(
        properties.database(),
        ("INSERT INTO tenancy.council_sso (council, issuer, client_id, client_secret_ref, scopes,"
                + " roles_claim, role_mapping, enabled, changed_by, changed_at) VALUES ('%s',"
                + " '%s', 'hub', 'PETERBOROUGH_SSO_SECRET', '{openid}', 'groups',"
                + " '{\"hub-admins\":\"COUNCIL_ADMIN\"}', true, 'earlier', now())")
            .formatted(council, provider.issuerUrl(council)));

    ApiResponse started =
        api.post("/auth/sso/" + council + "/start", null, "{\"redirectUri\":\"" + REDIRECT + "\"}");

    assertThat(started.status()).as(started.body()).isEqualTo(503);
    assertThat(started.contentType()).contains("problem+json");
    assertThat(started.body()).contains("a provider this platform does not allow");
    assertThat(requestsTheProviderSaw()).isZero();
  }

  private int requestsTheProviderSaw() throws InterruptedException {
    int seen = 0;
    RecordedRequest request;
    while ((request = nextRequest()) != null) {
      seen++;
    }
    return seen;
  }

  private RecordedRequest nextRequest() throws InterruptedException {
    try {
      return provider.takeRequest(100, TimeUnit.MILLISECONDS);
    } catch (RuntimeException none) {
      return null;
    }
  }

  private static String settings(String issuer) {
    return """
        {"issuer":"%s","clientId":"hub","clientSecretRef":"WALSALL_SSO_SECRET",
         "scopes":["openid","email"],"rolesClaim":"groups",
         "roleMapping":{"hub-admins":"COUNCIL_ADMIN"},"enabled":true}
        """
        .formatted(issuer);
  }

  private static MockOAuth2Server started() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }
}
