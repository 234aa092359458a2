package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on against a real OpenID Connect provider running in this JVM (mock-oauth2-server):
 * Walsall and Peterborough each have their own issuer. Each test walks the flow as a browser and
 * the portal would: start at tenancy, follow the provider's redirect, hand the code and state back.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilSsoIT implements TestPropertyProvider {

  private static final String PASSWORD = "a-long-enough-password";
  private static final String REDIRECT = "http://127.0.0.1:9/sign-in/sso-callback";
  private static final String SIGNED_OUT = "http://127.0.0.1:9/signed-out";

  private final MockOAuth2Server provider = started();
  private final Path secrets = secretsDirectory();
  private final String walsallSecret = "walsall-secret-" + UUID.randomUUID();
  private final HubTestProperties properties =
      TenancyTestSupport.properties()
          .with("hub.sso.secrets-dir", secrets.toString())
          .with("hub.sso.redirect-uris", REDIRECT)
          .with("hub.sso.allow-local-http-issuers", "true")
          // the platform's allow-list: the providers of this test run on this machine
          .with("hub.sso.allowed-issuer-hosts", "localhost,127.0.0.1")
          // ...which are inside addresses, refused in production (ProviderCallsTest)
          .with("hub.sso.allow-inside-addresses", "true")
          // a cold provider on a busy CI machine may take longer than production's 5 s
          .with("hub.sso.provider-timeout", "60s");
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> issuedTokens = new ArrayList<>();
  private final HttpClient browser = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  private HubApi api;
  private String platformAdmin;
  private String walsallAdmin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void twoCouncilsEachWithItsOwnProvider() throws IOException {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    logs.start();
    Files.writeString(secrets.resolve("WALSALL_SSO_SECRET"), walsallSecret);
    Files.writeString(secrets.resolve("PETERBOROUGH_SSO_SECRET"), "peterborough-secret");
    api = new HubApi(server.getURL().toString());
    platformAdmin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    created(
        api.post(
            "/councils", platformAdmin, TenancyTestSupport.newCouncil(walsall, "Walsall", 335)));
    created(
        api.post(
            "/councils",
            platformAdmin,
            TenancyTestSupport.newCouncil(peterborough, "Peterborough", 874)));
    created(
        api.post(
            "/councils/" + walsall + "/users",
            platformAdmin,
            TenancyTestSupport.newUser(
                "admin@" + walsall + ".example", PASSWORD, "COUNCIL_ADMIN")));
    walsallAdmin = TenancyTestSupport.token(api, "admin@" + walsall + ".example", PASSWORD);
    ApiResponse set =
        api.put("/councils/" + walsall + "/sso", walsallAdmin, settings(walsall, true));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    ApiResponse other =
        api.put("/councils/" + peterborough + "/sso", platformAdmin, settings(peterborough, true));
    assertThat(other.status()).as(other.body()).isEqualTo(200);
  }

  @AfterAll
  void stopTheProvider() {
    provider.shutdown();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  @Test
  void aCouncilsPersonSignsInWithTheirCouncilsAccountAndGetsTheMappedRoles() {
    String subject = "walsall-person-" + UUID.randomUUID();
    ApiResponse token =
        signIn(
            walsall,
            person(
                walsall,
                subject,
                "jo.bloggs@" + walsall + ".example",
                "hub-admins",
                "hub-managers"));

    assertThat(token.status()).as(token.body()).isEqualTo(200);
    JsonNode claims = claimsOf(token);
    assertThat(claims.get("council").asText()).isEqualTo(walsall);
    assertThat(claims.get("sub").asText()).isEqualTo("jo.bloggs@" + walsall + ".example");
    assertThat(claims.get("roles").toString())
        .isEqualTo("[\"COUNCIL_ADMIN\",\"PROGRAMME_MANAGER\"]");
    String bearer = token.json().get("access_token").asText();
    ApiResponse users = api.get("/councils/" + walsall + "/users", bearer);
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.body()).contains("jo.bloggs@" + walsall + ".example");

    // the same subject later, with fewer groups and a changed email: the same account, new roles
    ApiResponse again =
        signIn(walsall, person(walsall, subject, "jo.b@" + walsall + ".example", "hub-leads"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(claimsOf(again).get("sub").asText()).isEqualTo("jo.bloggs@" + walsall + ".example");
    assertThat(claimsOf(again).get("roles").toString()).isEqualTo("[\"ACTION_LEAD\"]");

    // both are in the council's trail, the person as the actor: the provider decided, not an admin
    JsonNode trail =
        api.get(
                "/councils/" + walsall + "/audit?actor=jo.bloggs@" + walsall + ".example",
                platformAdmin)
            .json();
    assertThat(trail.get("items").findValuesAsText("change"))
        .containsExactly("ROLES_FROM_PROVIDER", "CREATED_THROUGH_SSO");
    assertThat(trail.get("items").get(0).get("after").get("roles").toString())
        .isEqualTo("[\"ACTION_LEAD\"]");
  }

  @Test
  void aStateThatWasNeverStartedIsRefused() {
    Started started = start(walsall);
    String code = codeFrom(started, null);

    ApiResponse answer = finish(new State("made-up-" + UUID.randomUUID()), code);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).contains("unknown or already used");
    ApiResponse empty = api.post("/auth/sso/callback", null, "{}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("\"state\"");
  }

  @Test
  void aCodeAndStateUsedOnceCannotBeReplayed() {
    Started started = start(walsall);
    String code =
        codeFrom(
            started,
            person(
                walsall, "r-" + UUID.randomUUID(), "replay@" + walsall + ".example", "hub-leads"));
    assertThat(finish(started, code).status()).isEqualTo(200);

    ApiResponse replayed = finish(started, code);

    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.body()).contains("unknown or already used");
  }

  @Test
  void anIdTokenWithAnotherNonceIsRefused() {
    DefaultOAuth2TokenCallback forged =
        callback(
            walsall,
            "n-" + UUID.randomUUID(),
            Map.of(
                "email",
                "nonce@" + walsall + ".example",
                "groups",
                List.of("hub-admins"),
                "nonce",
                "forged"));

    ApiResponse answer = signIn(walsall, forged);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body()).containsIgnoringCase("nonce");
  }

  @Test
  void whatPeterboroughsProviderIssuesIsNoUseInWalsallsSignIn() {
    // a code Peterborough's provider issued, brought back with Walsall's state
    Started walsallStart = start(walsall);
    Started peterboroughStart = start(peterborough);
    String peterboroughCode = codeFrom(peterboroughStart, null);
    ApiResponse mixed = finish(walsallStart, peterboroughCode);
    assertThat(mixed.status()).isEqualTo(401);

    // an ID token that names Peterborough's issuer, from Walsall's token endpoint
    DefaultOAuth2TokenCallback otherIssuer =
        callback(
            walsall,
            "i-" + UUID.randomUUID(),
            Map.of(
                "email", "iss@" + walsall + ".example",
                "groups", List.of("hub-admins"),
                "iss", provider.issuerUrl(issuerId(peterborough)).toString()));
    ApiResponse refused = signIn(walsall, otherIssuer);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).containsIgnoringCase("issuer");
  }

  @Test
  void claimsNamingAnotherCouncilOrPlatformRolesAreIgnored() {
    DefaultOAuth2TokenCallback elevated =
        callback(
            walsall,
            "e-" + UUID.randomUUID(),
            Map.of(
                "email", "climber@" + walsall + ".example",
                "groups", List.of("PLATFORM_ADMIN", "DFE_OBSERVER", "COUNCIL_ADMIN", "hub-leads"),
                "council", peterborough,
                "roles", List.of("PLATFORM_ADMIN"),
                "observerScope", List.of("*")));

    ApiResponse token = signIn(walsall, elevated);

    assertThat(token.status()).as(token.body()).isEqualTo(200);
    JsonNode claims = claimsOf(token);
    assertThat(claims.get("council").asText()).isEqualTo(walsall);
    assertThat(claims.get("roles").toString()).isEqualTo("[\"ACTION_LEAD\"]");
    assertThat(claims.has("observerScope")).isFalse();
    String bearer = token.json().get("access_token").asText();
    assertThat(api.get("/councils/" + peterborough, bearer).status()).isEqualTo(404);
    assertThat(api.get("/councils/" + walsall, bearer).status()).isEqualTo(200);
    assertThat(api.get("/councils/" + peterborough + "/users", bearer).status()).isIn(403, 404);
    assertThat(api.get("/users", bearer).status()).isEqualTo(403);

    // only platform roles in the claim: no role here at all, so no token
    ApiResponse none =
        signIn(
            walsall,
            callback(
                walsall,
                "e2-" + UUID.randomUUID(),
                Map.of(
                    "email",
                    "climber2@" + walsall + ".example",
                    "groups",
                    List.of("PLATFORM_ADMIN"))));
    assertThat(none.status()).isEqualTo(403);
  }

  @Test
  void anExistingAccountIsLinkedOnlyWhenTheProviderSaysItVerifiedTheEmail() {
    String email = "linked-" + UUID.randomUUID() + "@" + walsall + ".example";
    ApiResponse made =
        api.post(
            "/councils/" + walsall + "/users",
            platformAdmin,
            TenancyTestSupport.newUser(email, PASSWORD, "ACTION_LEAD"));
    created(made);
    String accountId = made.json().get("id").asText();
    String subject = "walsall-" + UUID.randomUUID();

    // anyone who can put that address on a profile at the provider, unverified or not said
    ApiResponse unverified =
        signIn(
            walsall,
            callback(
                walsall,
                subject,
                Map.of("email", email, "email_verified", false, "groups", List.of("hub-admins"))));
    ApiResponse notSaid =
        signIn(walsall, person(walsall, "other-" + UUID.randomUUID(), email, "hub-admins"));

    for (ApiResponse refused : List.of(unverified, notSaid)) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
      assertThat(refused.body()).contains("email_verified").contains("ask your council's admin");
    }
    JsonNode trail =
        api.get("/councils/" + walsall + "/audit?recordId=" + accountId, platformAdmin).json();
    assertThat(trail.get("items").findValuesAsText("change"))
        .containsExactly(
            "SSO_LINK_REFUSED_EMAIL_NOT_VERIFIED",
            "SSO_LINK_REFUSED_EMAIL_NOT_VERIFIED",
            "CREATED");
    assertThat(trail.get("items").get(1).get("after").get("emailVerified").asText())
        .isEqualTo("false");
    assertThat(trail.get("items").get(0).get("after").get("emailVerified").asText())
        .isEqualTo("missing");
    assertThat(trail.get("items").get(1).get("actor").asText()).contains(subject);
    // the account is as it was: its password signs in, its role is its own
    String own = TenancyTestSupport.token(api, email, PASSWORD);
    assertThat(payloadOf(own).get("roles").toString()).isEqualTo("[\"ACTION_LEAD\"]");

    ApiResponse verified =
        signIn(
            walsall,
            callback(
                walsall,
                subject,
                Map.of("email", email, "email_verified", true, "groups", List.of("hub-leads"))));

    assertThat(verified.status()).as(verified.body()).isEqualTo(200);
    assertThat(claimsOf(verified).get("sub").asText()).isEqualTo(email);
  }

  @Test
  void anEmailOfAnotherCouncilsAccountIsRefused() {
    String email = "shared-" + UUID.randomUUID() + "@example.org";
    created(
        api.post(
            "/councils/" + peterborough + "/users",
            platformAdmin,
            TenancyTestSupport.newUser(email, PASSWORD, "COUNCIL_ADMIN")));

    ApiResponse answer =
        signIn(walsall, person(walsall, "x-" + UUID.randomUUID(), email, "hub-admins"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(api.get("/councils/" + peterborough + "/users", platformAdmin).body())
        .contains(email);
  }

  @Test
  void aSwitchedOffConfigurationStartsNothingAndFinishesNothing() {
    String council = TestCouncils.uniqueSlug("notts");
    created(
        api.post("/councils", platformAdmin, TenancyTestSupport.newCouncil(council, "Notts", 891)));
    assertThat(
            api.put("/councils/" + council + "/sso", platformAdmin, settings(council, true))
                .status())
        .isEqualTo(200);
    Started started = start(council);
    String code = codeFrom(started, null);

    assertThat(
            api.put("/councils/" + council + "/sso", platformAdmin, settings(council, false))
                .status())
        .isEqualTo(200);

    assertThat(finish(started, code).status()).isEqualTo(401);
    assertThat(api.post("/auth/sso/" + council + "/start", null, "{}").status()).isEqualTo(404);
    assertThat(api.get("/auth/sso/councils", null).body())
        .doesNotContain(council)
        .contains(walsall);
    List<String> audit =
        TenancyTestSupport.query(
            properties.database(),
            "SELECT changed_by || ' ' || after FROM tenancy.council_sso_change WHERE council = ?"
                + " ORDER BY changed_at",
            council);
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1))
        .startsWith(TenancyTestSupport.ADMIN_EMAIL)
        .contains("\"enabled\":false");
  }

  @Test
  void settingsAreCheckedFieldByFieldAndOnlyTheCouncilsAdminsSeeThem() {
    String path = "/councils/" + walsall + "/sso";
    ApiResponse bad =
        api.put(
            path,
            walsallAdmin,
            """
            {"issuer":"http://login.example.org/tenant","clientId":"","clientSecretRef":"not a name!",
             "scopes":["email"],"rolesClaim":"groups",
             "roleMapping":{"hub-admins":"PLATFORM_ADMIN","hub-dfe":"DFE_OBSERVER"},"enabled":null}
            """);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body())
        .contains("\"issuer\"", "\"clientId\"", "\"clientSecretRef\"", "\"scopes\"", "\"enabled\"")
        .contains("roleMapping.hub-admins", "roleMapping.hub-dfe");

    ApiResponse shown = api.get(path, walsallAdmin);
    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.json().get("clientSecretRef").asText()).isEqualTo("WALSALL_SSO_SECRET");
    assertThat(shown.json().get("clientSecretFound").asBoolean()).isTrue();
    assertThat(shown.body()).doesNotContain(walsallSecret);

    created(
        api.post(
            "/councils/" + peterborough + "/users",
            platformAdmin,
            TenancyTestSupport.newUser(
                "admin-" + UUID.randomUUID() + "@p.example", PASSWORD, "COUNCIL_ADMIN")));
    String manager = "pm-" + UUID.randomUUID() + "@" + walsall + ".example";
    created(
        api.post(
            "/councils/" + walsall + "/users",
            walsallAdmin,
            TenancyTestSupport.newUser(manager, PASSWORD, "PROGRAMME_MANAGER")));
    String managerToken = TenancyTestSupport.token(api, manager, PASSWORD);
    assertThat(api.get(path, managerToken).status()).isEqualTo(403);
    assertThat(api.put(path, managerToken, settings(walsall, true)).status()).isEqualTo(403);
  }

  @Test
  void theClientSecretGoesToTheProviderAndNowhereElse() throws Exception {
    ApiResponse token =
        signIn(
            walsall,
            person(
                walsall, "secret-" + UUID.randomUUID(), "s@" + walsall + ".example", "hub-admins"));
    assertThat(token.status()).isEqualTo(200);

    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("hub-" + walsall + ":" + walsallSecret).getBytes(StandardCharsets.UTF_8));
    List<String> authorizations = new ArrayList<>();
    RecordedRequest request;
    while ((request = nextRequest()) != null) {
      if (request.getHeader("Authorization") != null) {
        authorizations.add(request.getHeader("Authorization"));
      }
    }
    assertThat(authorizations).contains("Basic " + basic);

    String everything =
        String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    assertThat(everything).contains("signed in through council");
    assertThat(everything).doesNotContain(walsallSecret);
    // people are named by their account id in the logs, not by their email
    assertThat(everything).doesNotContain("s@" + walsall + ".example");
    for (String issued : issuedTokens) {
      assertThat(everything).doesNotContain(issued);
    }
    assertThat(api.get("/councils/" + walsall + "/sso", walsallAdmin).body())
        .doesNotContain(walsallSecret);
  }

  @Test
  void anIdTokenSignedByAKeyOutsideTheProvidersJwksIsRefused() throws Exception {
    // a provider whose JWKS is Walsall's provider's keys, and whose token endpoint answers what the
    // test gives it: everything right but the signature, then everything right
    try (ForgingProvider forger =
        new ForgingProvider(provider.jwksUrl(issuerId(walsall)).toString())) {
      String council = TestCouncils.uniqueSlug("forged");
      created(
          api.post(
              "/councils", platformAdmin, TenancyTestSupport.newCouncil(council, "Forged", 892)));
      String settings =
          settings(council, true)
              .replace(provider.issuerUrl(issuerId(council)).toString(), forger.issuer())
              .replace("PETERBOROUGH_SSO_SECRET", "WALSALL_SSO_SECRET");
      ApiResponse set = api.put("/councils/" + council + "/sso", platformAdmin, settings);
      assertThat(set.status()).as(set.body()).isEqualTo(200);

      Started started = start(council);
      forger.answer(idToken(issuerId(peterborough), forger.issuer(), "hub-" + council, started));
      ApiResponse refused = finish(started, "any-code");
      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
      assertThat(refused.body()).contains("ID token was not accepted");

      Started genuine = start(council);
      forger.answer(idToken(issuerId(walsall), forger.issuer(), "hub-" + council, genuine));
      ApiResponse accepted = finish(genuine, "any-code");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
      assertThat(claimsOf(accepted).get("council").asText()).isEqualTo(council);
    }
  }

  @Test
  void anIssuerOnAHostThePlatformDoesNotAllowIsRefusedWhenSaved() {
    String path = "/councils/" + walsall + "/sso";
    String allowed = provider.issuerUrl(issuerId(walsall)).toString();
    ApiResponse refused =
        api.put(
            path,
            walsallAdmin,
            settings(walsall, true).replace(allowed, "https://login.evil.example.org/tenant"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("\"issuer\"", "does not allow");
    assertThat(api.get(path, walsallAdmin).json().get("issuer").asText()).isEqualTo(allowed);
  }

  @Test
  void anAllowedIssuerWhoseDiscoveryPointsAtAnotherHostIsRefusedBeforeAnythingGoesThere()
      throws Exception {
    // a host inside the network that the allow-list does not name (127.0.0.2 is this machine too)
    try (ForgingProvider inside = new ForgingProvider("0.0.0.0", "unused");
        ForgingProvider forger =
            new ForgingProvider(provider.jwksUrl(issuerId(walsall)).toString())) {
      String elsewhere = "http://127.0.0.2:" + inside.port();
      HttpResponse<String> reachable =
          browser.send(
              HttpRequest.newBuilder(URI.create(elsewhere + "/.well-known/openid-configuration"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(reachable.statusCode()).as("the inside host answers when asked").isEqualTo(200);
      inside.received().clear();
      String council = councilUsing(forger.issuer(), 893);

      for (String endpoint :
          List.of(
              "authorization_endpoint",
              "token_endpoint",
              "jwks_uri",
              "userinfo_endpoint",
              "end_session_endpoint")) {
        forger.endpoints(Map.of(endpoint, elsewhere + "/" + endpoint));
        ApiResponse start = startAnswer(council);
        assertThat(start.status()).as(endpoint).isEqualTo(503);
        assertThat(start.body()).as(endpoint).contains("does not allow");
      }
      forger.endpoints(Map.of());
      forger.redirectDiscoveryTo(elsewhere + "/.well-known/openid-configuration");
      assertThat(startAnswer(council).status()).as("a redirect is not followed").isEqualTo(503);
      assertThat(inside.received()).as("requests that reached the inside host").isEmpty();

      // the same provider with its endpoints on its own host: a sign-in works
      forger.redirectDiscoveryTo(null);
      Started started = start(council);
      forger.answer(idToken(issuerId(walsall), forger.issuer(), "hub-" + council, started));
      ApiResponse accepted = finish(started, "any-code");
      assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    }
  }

  @Test
  void rolesAndEmailOnlyInTheUserinfoAreReadFromItForTheSameSubject() throws Exception {
    try (ForgingProvider forger =
        new ForgingProvider(provider.jwksUrl(issuerId(walsall)).toString())) {
      String subject = "userinfo-" + UUID.randomUUID();
      String council = TestCouncils.uniqueSlug("userinfo");
      forger.userInfo(
          """
          {"sub":"%s","email":"info@%s.example","name":"Info Person",
           "groups":["hub-leads","PLATFORM_ADMIN"],"council":"%s","roles":["PLATFORM_ADMIN"]}
          """
              .formatted(subject, council, peterborough));
      councilUsing(forger.issuer(), council, 894);

      // an ID token with neither the roles claim nor the email: the userinfo has them
      Started started = start(council);
      forger.answer(
          idToken(
              issuerId(walsall), forger.issuer(), "hub-" + council, started, subject, Map.of()));
      ApiResponse token = finish(started, "any-code");

      assertThat(token.status()).as(token.body()).isEqualTo(200);
      JsonNode claims = claimsOf(token);
      assertThat(claims.get("council").asText()).isEqualTo(council);
      assertThat(claims.get("sub").asText()).isEqualTo("info@" + council + ".example");
      assertThat(claims.get("roles").toString()).isEqualTo("[\"ACTION_LEAD\"]");
      assertThat(forger.received())
          .as("the userinfo was read with the access token")
          .contains("GET /forged/userinfo Bearer opaque-" + forger.port());
      assertThat(
              token.json().path("sign_out_url").isMissingNode()
                  || token.json().path("sign_out_url").isNull())
          .as("a provider without an end-session endpoint: our sign-out only")
          .isTrue();

      // a userinfo about another subject is refused
      forger.userInfo(
          "{\"sub\":\"someone-else\",\"email\":\"else@%s.example\",\"groups\":[\"hub-admins\"]}"
              .formatted(council));
      Started again = start(council);
      forger.answer(
          idToken(issuerId(walsall), forger.issuer(), "hub-" + council, again, subject, Map.of()));
      ApiResponse refused = finish(again, "any-code");
      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
      assertThat(refused.body()).contains("someone else");
    }
  }

  @Test
  void theSignOutAddressIsTheProvidersEndSessionWithTheIdTokenAsItsHint() throws Exception {
    String subject = "signout-" + UUID.randomUUID();
    Started started = start(walsall);
    String code =
        codeFrom(started, person(walsall, subject, "out@" + walsall + ".example", "hub-managers"));

    // an address after sign-out that is not ours is refused, and the sign-in can still finish
    ApiResponse foreign =
        api.post(
            "/auth/sso/callback",
            null,
            callbackBody(started.state(), code, "https://evil.example.org/signed-out"));
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.body()).contains("postLogoutRedirectUri");
    ApiResponse token =
        api.post("/auth/sso/callback", null, callbackBody(started.state(), code, SIGNED_OUT));
    assertThat(token.status()).as(token.body()).isEqualTo(200);
    issuedTokens.add(token.json().get("access_token").asText());

    URI signOut = URI.create(token.json().get("sign_out_url").asText());
    assertThat(signOut.toString())
        .startsWith(provider.endSessionEndpointUrl(issuerId(walsall)).toString() + "?");
    assertThat(parameter(signOut, "post_logout_redirect_uri")).isEqualTo(SIGNED_OUT);
    String hint = parameter(signOut, "id_token_hint");
    issuedTokens.add(hint);
    JsonNode idToken = payloadOf(hint);
    assertThat(idToken.get("sub").asText()).isEqualTo(subject);
    assertThat(idToken.get("iss").asText())
        .isEqualTo(provider.issuerUrl(issuerId(walsall)).toString());
    assertThat(idToken.get("aud").toString()).contains("hub-" + walsall);

    // the provider ends its session and sends the browser back to our signed-out page
    HttpResponse<String> back =
        browser.send(HttpRequest.newBuilder(signOut).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(back.statusCode()).as(back.body()).isIn(302, 303);
    assertThat(back.headers().firstValue("Location").orElseThrow()).startsWith(SIGNED_OUT);
  }

  /** A council whose SSO points at {@code issuer}, with Walsall's client secret. */
  private String councilUsing(String issuer, int laCode) {
    return councilUsing(issuer, TestCouncils.uniqueSlug("standin"), laCode);
  }

  private String councilUsing(String issuer, String council, int laCode) {
    created(
        api.post(
            "/councils",
            platformAdmin,
            TenancyTestSupport.newCouncil(council, "Stand-in " + laCode, laCode)));
    String settings =
        settings(council, true)
            .replace(provider.issuerUrl(issuerId(council)).toString(), issuer)
            .replace("PETERBOROUGH_SSO_SECRET", "WALSALL_SSO_SECRET");
    ApiResponse set = api.put("/councils/" + council + "/sso", platformAdmin, settings);
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    return council;
  }

  private ApiResponse startAnswer(String council) {
    return api.post(
        "/auth/sso/" + council + "/start", null, "{\"redirectUri\":\"" + REDIRECT + "\"}");
  }

  private static String callbackBody(String state, String code, String afterSignOut) {
    return "{\"state\":\"%s\",\"code\":\"%s\",\"postLogoutRedirectUri\":\"%s\"}"
        .formatted(state, code, afterSignOut);
  }

  /** An ID token for {@code started}'s nonce, signed with the key of {@code signingIssuerId}. */
  private String idToken(String signingIssuerId, String issuer, String clientId, Started started) {
    return idToken(
        signingIssuerId,
        issuer,
        clientId,
        started,
        "forged-" + UUID.randomUUID(),
        Map.of(
            "email",
            "forged-" + UUID.randomUUID() + "@example.org",
            "groups",
            List.of("hub-leads")));
  }

  private String idToken(
      String signingIssuerId,
      String issuer,
      String clientId,
      Started started,
      String subject,
      Map<String, Object> claims) {
    String nonce = parameter(URI.create(started.authorizationUrl()), "nonce");
    Map<String, Object> all = new java.util.HashMap<>(claims);
    all.put("iss", issuer);
    all.put("nonce", nonce);
    return provider.issueToken(signingIssuerId, subject, clientId, all, 3600).serialize();
  }

  /**
   * A stand-in provider: its own discovery document (whose endpoints a test may point anywhere),
   * token endpoint and userinfo endpoint, answering what the test gives them, with someone else's
   * JWKS; it records the requests it receives.
   */
  private static final class ForgingProvider implements AutoCloseable {

    private final com.sun.net.httpserver.HttpServer server;
    private final String jwks;
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String idToken = "";
    private volatile String userInfo = null;
    private volatile Map<String, String> endpoints = Map.of();
    private volatile String redirect = null;

    ForgingProvider(String jwks) throws IOException {
      this("127.0.0.1", jwks);
    }

    ForgingProvider(String bindTo, String jwks) throws IOException {
      this.jwks = jwks;
      server =
          com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(bindTo, 0), 0);
      server.createContext("/", this::serve);
      server.start();
    }

    String issuer() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/forged";
    }

    int port() {
      return server.getAddress().getPort();
    }

    void answer(String token) {
      idToken = token;
    }

    /** The userinfo endpoint's answer (JSON); null for a provider without one. */
    void userInfo(String json) {
      userInfo = json;
    }

    /** Replaces endpoints of the discovery document, e.g. {@code token_endpoint}. */
    void endpoints(Map<String, String> replaced) {
      endpoints = Map.copyOf(replaced);
    }

    /** Answers the discovery document's address with a redirect to {@code location}. */
    void redirectDiscoveryTo(String location) {
      redirect = location;
    }

    /** Each request received: method, path and Authorization header. */
    List<String> received() {
      return received;
    }

    private void serve(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      received.add(
          exchange.getRequestMethod()
              + " "
              + path
              + " "
              + exchange.getRequestHeaders().getFirst("Authorization"));
      if (redirect != null && path.endsWith("/openid-configuration")) {
        exchange.getResponseHeaders().add("Location", redirect);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
        return;
      }
      String body;
      if (path.endsWith("/token")) {
        body =
            "{\"access_token\":\"opaque-%s\",\"token_type\":\"Bearer\",\"id_token\":\"%s\"}"
                .formatted(port(), idToken);
      } else if (path.endsWith("/userinfo") && userInfo != null) {
        body = userInfo;
      } else {
        Map<String, String> document = new java.util.LinkedHashMap<>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", jwks);
        if (userInfo != null) {
          document.put("userinfo_endpoint", issuer() + "/userinfo");
        }
        document.putAll(endpoints);
        StringBuilder json = new StringBuilder("{");
        document.forEach((k, v) -> json.append("\"%s\":\"%s\",".formatted(k, v)));
        body =
            json.append("\"response_types_supported\":[\"code\"],")
                .append("\"subject_types_supported\":[\"public\"],")
                .append("\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                .toString();
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  // ---- the browser's and the portal's part of the flow

  private record Started(String state, String authorizationUrl) {}

  private record State(String state) {}

  private Started start(String council) {
    ApiResponse started =
        api.post("/auth/sso/" + council + "/start", null, "{\"redirectUri\":\"" + REDIRECT + "\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return new Started(
        started.json().get("state").asText(), started.json().get("authorizationUrl").asText());
  }

  /**
   * Follows the provider's address as a browser would; the provider signs in whoever the callback
   * says.
   */
  private String codeFrom(Started started, DefaultOAuth2TokenCallback who) {
    if (who != null) {
      provider.enqueueCallback(who);
    }
    try {
      HttpResponse<String> redirect =
          browser.send(
              HttpRequest.newBuilder(URI.create(started.authorizationUrl())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
      URI back = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertThat(back.toString()).startsWith(REDIRECT);
      assertThat(back.getQuery()).contains("state=" + started.state());
      return parameter(back, "code");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private ApiResponse finish(Started started, String code) {
    return finish(new State(started.state()), code);
  }

  private ApiResponse finish(State state, String code) {
    ApiResponse answer =
        api.post(
            "/auth/sso/callback",
            null,
            "{\"state\":\"%s\",\"code\":\"%s\"}".formatted(state.state(), code));
    if (answer.status() == 200) {
      issuedTokens.add(answer.json().get("access_token").asText());
    }
    return answer;
  }

  private ApiResponse signIn(String council, DefaultOAuth2TokenCallback who) {
    Started started = start(council);
    return finish(started, codeFrom(started, who));
  }

  private DefaultOAuth2TokenCallback person(
      String council, String subject, String email, String... groups) {
    return callback(
        council, subject, Map.of("email", email, "name", "Test Person", "groups", List.of(groups)));
  }

  private DefaultOAuth2TokenCallback callback(
      String council, String subject, Map<String, Object> claims) {
    return new DefaultOAuth2TokenCallback(issuerId(council), subject, "JWT", null, claims, 3600);
  }

  private String settings(String council, boolean enabled) {
    return """
        {"issuer":"%s","clientId":"hub-%s","clientSecretRef":"%s","scopes":["openid","email"],
         "rolesClaim":"groups",
         "roleMapping":{"hub-admins":"COUNCIL_ADMIN","hub-managers":"PROGRAMME_MANAGER",
                        "hub-leads":"ACTION_LEAD"},
         "enabled":%s}
        """
        .formatted(
            provider.issuerUrl(issuerId(council)),
            council,
            council.startsWith("walsall") ? "WALSALL_SSO_SECRET" : "PETERBOROUGH_SSO_SECRET",
            enabled);
  }

  private static String issuerId(String council) {
    return "idp-" + council;
  }

  private RecordedRequest nextRequest() throws InterruptedException {
    try {
      return provider.takeRequest(100, TimeUnit.MILLISECONDS);
    } catch (RuntimeException none) {
      return null;
    }
  }

  private static JsonNode claimsOf(ApiResponse token) {
    return payloadOf(token.json().get("access_token").asText());
  }

  private static JsonNode payloadOf(String jwt) {
    String json =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    return new ApiResponse(200, "application/json", null, json).json();
  }

  private static String parameter(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts[0].equals(name)) {
        return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(uri + " has no " + name);
  }

  private static void created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
  }

  private static MockOAuth2Server started() {
    MockOAuth2Server server = new MockOAuth2Server();
    server.start();
    return server;
  }

  private static Path secretsDirectory() {
    try {
      return Files.createTempDirectory("hub-sso-secrets");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
