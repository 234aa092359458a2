package org.improvementhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * Walsall's own OpenID Connect provider for local runs: a real provider in this JVM
 * (mock-oauth2-server) with a login page where any user name works. Walsall's single sign-on points
 * at it, with a client secret the stack writes to tenancy's secrets directory; the sign-in page
 * then offers "Sign in with Walsall's account".
 */
final class DemoSignOn implements AutoCloseable {

  static final int PORT = 8090;
  static final String COUNCIL = "walsall";
  static final String CLIENT_ID = "improvement-hub-walsall";
  static final String SECRET_REF = "WALSALL_SSO_CLIENT_SECRET";
  static final String PORTAL_CALLBACK = "http://localhost:8080/sign-in/sso-callback";

  private final MockOAuth2Server server;
  private final Path secrets;

  private DemoSignOn(MockOAuth2Server server, Path secrets) {
    this.server = server;
    this.secrets = secrets;
  }

  /** Starts the provider; the client secret goes into {@code secrets}, a fresh one each run. */
  static DemoSignOn start(Path secrets) {
    try {
      Files.createDirectories(secrets);
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      Files.writeString(
          secrets.resolve(SECRET_REF),
          Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // people who leave the claims box empty are programme managers
    DefaultOAuth2TokenCallback programmeManager =
        new DefaultOAuth2TokenCallback(
            COUNCIL, "demo", "JWT", null, Map.of("groups", List.of("hub-managers")), 3600);
    MockOAuth2Server server =
        new MockOAuth2Server(
            new OAuth2Config(
                true,
                null,
                null,
                false,
                new OAuth2TokenProvider(),
                Set.of(programmeManager),
                new MockWebServerWrapper()));
    server.start(PORT);
    return new DemoSignOn(server, secrets);
  }

  String issuer() {
    return "http://localhost:" + PORT + "/" + COUNCIL;
  }

  /**
   * What tenancy needs: the secrets directory, plain-http localhost issuers, this machine as the
   * only allowed provider host, the portal's callback.
   */
  Map<String, String> tenancyProperties() {
    return Map.of(
        "hub.sso.secrets-dir",
        secrets.toString(),
        "hub.sso.allow-local-http-issuers",
        "true",
        "hub.sso.allowed-issuer-hosts",
        "localhost,127.0.0.1",
        "hub.sso.allow-inside-addresses",
        "true",
        "hub.sso.redirect-uris",
        PORTAL_CALLBACK);
  }

  /** Points Walsall's single sign-on at this provider, as Walsall's admin would. */
  void configure(String tenancyUrl, String adminToken) {
    ApiResponse set =
        new HubApi(tenancyUrl)
            .put(
                "/councils/" + COUNCIL + "/sso",
                adminToken,
                """
                {"issuer":"%s","clientId":"%s","clientSecretRef":"%s",
                 "scopes":["openid","email","profile"],"rolesClaim":"groups",
                 "roleMapping":{"hub-admins":"COUNCIL_ADMIN","hub-managers":"PROGRAMME_MANAGER",
                                "hub-leads":"ACTION_LEAD","hub-board":"BOARD_MEMBER"},
                 "enabled":true}
                """
                    .formatted(issuer(), CLIENT_ID, SECRET_REF));
    if (set.status() != 200) {
      throw new IllegalStateException("Walsall's single sign-on could not be set: " + set);
    }
  }

  String banner() {
    return "\n  Walsall single sign-on: on the sign-in page choose \"Sign in with Walsall's account\";"
        + "\n    the demo provider ("
        + issuer()
        + ") asks for a user name (any) and claims, e.g."
        + "\n    {\"email\":\"jo.bloggs@walsall.example\",\"email_verified\":true,"
        + "\"groups\":[\"hub-admins\"]}"
        + "\n    groups: hub-admins, hub-managers (the default), hub-leads, hub-board."
        + " The email is required.\n    Signing out of the hub signs you out of the demo"
        + " provider too.\n";
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
