package org.improvementhub.testsupport.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs tokens the way the tenancy service does, with a key whose public half is served as a JWKS
 * on loopback, so that services under test validate them exactly as in production. Also makes the
 * tokens an attacker would try: expired, signed by another key, {@code alg: none}.
 */
public final class TestTokens {

  public static final String ISSUER = "https://tenancy.improvementhub.test";
  public static final String AUDIENCE = "improvement-hub";

  /** How long a token the tests use stays valid: longer than any test runs. */
  private static final Duration VALID_FOR = Duration.ofHours(1);

  private final RSAKey key;
  private final RSAKey strangerKey;
  private final HttpServer jwksServer;

  private TestTokens() {
    try {
      this.key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
      this.strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      byte[] jwks = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      jwksServer.createContext(
          "/.well-known/jwks.json",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream body = exchange.getResponseBody()) {
              body.write(jwks);
            }
          });
      jwksServer.setExecutor(null);
      jwksServer.start();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The token signer for this JVM. */
  public static TestTokens shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    private static final TestTokens INSTANCE = new TestTokens();
  }

  public String jwksUrl() {
    return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/.well-known/jwks.json";
  }

  /** A council user of {@code council} with {@code roles}. */
  public String councilUser(String council, String... roles) {
    return sign(key, councilUserClaims(council, roles, VALID_FOR));
  }

  public String platformAdmin() {
    return sign(
        key,
        claims("admin@improvementhub.test", Map.of(), new String[] {"PLATFORM_ADMIN"}, VALID_FOR));
  }

  /** A DfE observer who may read the councils in {@code scope} ({@code *} for all). */
  public String observer(String... scope) {
    return sign(
        key,
        claims(
            "observer@education.gov.uk",
            Map.of("observerScope", List.of(scope)),
            new String[] {"DFE_OBSERVER"},
            VALID_FOR));
  }

  public String expired(String council, String... roles) {
    return sign(key, councilUserClaims(council, roles, Duration.ofMinutes(-5)));
  }

  /** Right claims, signed by a key nobody trusts but carrying the trusted key's id. */
  public String signedByStranger(String council, String... roles) {
    return sign(strangerKey, councilUserClaims(council, roles, VALID_FOR));
  }

  /** An unsigned token ({@code alg: none}) claiming to be a platform admin. */
  public String unsigned(String council, String... roles) {
    return new PlainJWT(councilUserClaims(council, roles, VALID_FOR)).serialize();
  }

  /** A validly signed token for another audience. */
  public String forAudience(String audience, String council, String... roles) {
    JWTClaimsSet base = councilUserClaims(council, roles, VALID_FOR);
    return sign(key, new JWTClaimsSet.Builder(base).audience(audience).build());
  }

  /** A validly signed token from an issuer the services do not trust. */
  public String fromIssuer(String issuer, String council, String... roles) {
    JWTClaimsSet base = councilUserClaims(council, roles, VALID_FOR);
    return sign(key, new JWTClaimsSet.Builder(base).issuer(issuer).build());
  }

  /** The claims the tenancy service gives a user of {@code council}. */
  private static JWTClaimsSet councilUserClaims(String council, String[] roles, Duration validFor) {
    return claims("user@" + council + ".example", Map.of("council", council), roles, validFor);
  }

  private static JWTClaimsSet claims(
      String subject, Map<String, Object> extra, String[] roles, Duration validFor) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plus(validFor)))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", List.of(roles));
    extra.forEach(builder::claim);
    return builder.build();
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
