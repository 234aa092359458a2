package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.login;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.newObserver;
import static org.improvementhub.tenancy.TenancyTestSupport.newUser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in gives an RS256 token that verifies against the published JWKS and carries the claims
 * every service reads; failed sign-ins reveal nothing; bad tokens of every kind are refused.
 * Tenancy runs here as the local stack runs it: with a key file it generates on first start.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenIT implements TestPropertyProvider {

  private static final String PASSWORD = "a-long-enough-password";

  private final Path keyFile = temporaryDirectory().resolve("keys").resolve("signing-key.pem");
  private final HubTestProperties properties =
      TenancyTestSupport.properties()
          .with("hub.tokens.signing-key-file", keyFile.toString())
          .with("hub.tokens.generate-if-missing", "true");
  private final String council = TestCouncils.uniqueSlug("peterborough");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String admin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("tenancy-token-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void signIn() {
    api = new HubApi(server.getURL().toString());
    admin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    assertThat(api.post("/councils", admin, newCouncil(council, "Peterborough", 874)).status())
        .isEqualTo(201);
  }

  @Test
  void aPlatformAdminsTokenVerifiesAgainstThePublishedKeysAndCarriesTheRightClaims()
      throws Exception {
    ApiResponse response =
        login(api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(response.json().get("expires_in").asLong()).isEqualTo(3600);

    SignedJWT token = SignedJWT.parse(response.json().get("access_token").asText());
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(token.verify(new RSASSAVerifier(publishedKey(token).toRSAKey()))).isTrue();

    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
    assertThat(claims.getAudience()).containsExactly("improvement-hub");
    assertThat(claims.getSubject()).isEqualTo(TenancyTestSupport.ADMIN_EMAIL);
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getStringListClaim("roles")).containsExactly("PLATFORM_ADMIN");
    assertThat(claims.getClaims()).doesNotContainKeys("council", "observerScope");

    assertThat(api.get("/councils", response.json().get("access_token").asText()).status())
        .isEqualTo(200);
  }

  @Test
  void councilUsersAndObserversCarryTheirCouncilOrScope() throws Exception {
    String manager = "Manager@" + council + ".example";
    assertThat(
            api.post(
                    "/councils/" + council + "/users",
                    admin,
                    newUser(manager, PASSWORD, "PROGRAMME_MANAGER", "BOARD_MEMBER"))
                .status())
        .isEqualTo(201);
    ApiResponse again =
        api.post(
            "/councils/" + council + "/users",
            admin,
            newUser(manager.toUpperCase(), PASSWORD, "ACTION_LEAD"));
    assertThat(again.status()).as("the same email in other letters").isEqualTo(409);
    assertThat(again.isProblem()).isTrue();

    JWTClaimsSet managerClaims = claimsOf(signIn(manager.toUpperCase(), PASSWORD));
    assertThat(managerClaims.getSubject()).isEqualTo(manager.toLowerCase());
    assertThat(managerClaims.getStringClaim("council")).isEqualTo(council);
    assertThat(managerClaims.getStringListClaim("roles"))
        .containsExactly("PROGRAMME_MANAGER", "BOARD_MEMBER");
    assertThat(managerClaims.getClaims()).doesNotContainKey("observerScope");

    String observer = "observer-" + council + "@education.gov.uk";
    assertThat(api.post("/users", admin, newObserver(observer, PASSWORD, council)).status())
        .isEqualTo(201);
    JWTClaimsSet observerClaims = claimsOf(signIn(observer, PASSWORD));
    assertThat(observerClaims.getStringListClaim("observerScope")).containsExactly(council);
    assertThat(observerClaims.getStringListClaim("roles")).containsExactly("DFE_OBSERVER");
    assertThat(observerClaims.getClaims()).doesNotContainKey("council");
  }

  @Test
  void theKeyFileIsGeneratedOnceAndIsWhatThePublishedKeySetHolds() throws Exception {
    assertThat(keyFile).exists();
    assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
    ApiResponse jwks = api.get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    JWKSet keys = JWKSet.parse(jwks.body());
    assertThat(keys.getKeys()).hasSize(1);
    JWK key = keys.getKeys().get(0);
    assertThat(key.isPrivate()).isFalse();
    assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
    ApiResponse wrongPassword =
        login(api, TenancyTestSupport.ADMIN_EMAIL, "not-the-right-password");
    ApiResponse unknownEmail = login(api, "nobody@tenancy.test", "not-the-right-password");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.isProblem()).isTrue();
    assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
    assertThat(unknownEmail.contentType()).isEqualTo(wrongPassword.contentType());
    assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
    assertThat(wrongPassword.body()).doesNotContain(TenancyTestSupport.ADMIN_EMAIL);
  }

  @Test
  void unreadableSignInsAreBadRequests() {
    ApiResponse malformed = api.post("/auth/login", null, "{\"email\": \"admin@");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();

    ApiResponse unknownField =
        api.post(
            "/auth/login",
            null,
            "{\"email\":\"a@b.example\",\"password\":\"whatever-it-is\",\"remember\":true}");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(unknownField.isProblem()).isTrue();
    assertThat(unknownField.json().get("errors").findValuesAsText("field"))
        .containsExactly("remember");

    ApiResponse noPassword = api.post("/auth/login", null, "{\"email\":\"a@b.example\"}");
    assertThat(noPassword.status()).isEqualTo(400);
    assertThat(noPassword.json().get("errors").findValuesAsText("field"))
        .containsExactly("password");
  }

  @Test
  void badTokensAreRefused() {
    TestTokens tokens = TestTokens.shared();
    String own = signIn(TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    Map<String, String> bad =
        Map.of(
            "expired", tokens.expired(council, "COUNCIL_ADMIN"),
            "signed by a stranger", tokens.signedByStranger(council, "COUNCIL_ADMIN"),
            "for another audience", tokens.forAudience("someone-else", council, "COUNCIL_ADMIN"),
            "alg none", tokens.unsigned(council, "PLATFORM_ADMIN"),
            "tampered", withRoles(own, "DFE_OBSERVER"),
            "garbage", "not.a.token");
    bad.forEach(
        (kind, token) -> {
          ApiResponse response = api.get("/councils", token);
          assertThat(response.status()).as(kind).isEqualTo(401);
          assertThat(response.isProblem()).as(kind + ": " + response.contentType()).isTrue();
        });
    ApiResponse missing = api.get("/councils", null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.isProblem()).as("missing: " + missing.contentType()).isTrue();
  }

  private String signIn(String email, String password) {
    return TenancyTestSupport.token(api, email, password);
  }

  private JWK publishedKey(SignedJWT token) throws Exception {
    JWKSet keys = JWKSet.parse(api.get("/.well-known/jwks.json", null).body());
    JWK key = keys.getKeyByKeyId(token.getHeader().getKeyID());
    assertThat(key).as("published key " + token.getHeader().getKeyID()).isNotNull();
    return key;
  }

  private static JWTClaimsSet claimsOf(String token) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet();
  }

  /** The token with its payload rewritten and the original signature kept. */
  private static String withRoles(String token, String role) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace("\"PLATFORM_ADMIN\"", "\"" + role + "\"");
    assertThat(forged).isNotEqualTo(payload);
    return String.join(
        ".",
        List.of(
            parts[0],
            Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()),
            parts[2]));
  }
}
