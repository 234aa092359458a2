package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rotation in docs/runbooks/rotate-signing-key.md, with tenancy restarted between its steps as
 * a {@code helm upgrade} restarts it: a token signed with the old key keeps working while the old
 * key is the second key, new tokens are signed with the new key, and once the second key is gone
 * the old token gets 401. Checked on tenancy itself and on a second server that, like every other
 * service, trusts tokens only through tenancy's JWKS.
 */
class SigningKeyRotationIT {

  @TempDir Path keys;

  private final Map<String, String> base = new HashMap<>(TenancyTestSupport.properties().build());

  private EmbeddedServer tenancy(Path signing, Path second) {
    Map<String, Object> properties = new HashMap<>(base);
    properties.put("micronaut.server.port", "-1");
    properties.put("hub.tokens.signing-key-file", signing.toString());
    properties.put("hub.tokens.generate-if-missing", "true");
    properties.put("hub.tokens.second-key-file", second == null ? "" : second.toString());
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  /**
   * A server that trusts tenancy's tokens only through the JWKS at {@code jwksUrl}, caching it for
   * one second (the chart's services cache it for 60).
   */
  private EmbeddedServer jwksTrustingService(String jwksUrl) {
    Map<String, Object> properties = new HashMap<>(base);
    properties.put("micronaut.server.port", "-1");
    properties.put("hub.tokens.signing-key-file", "");
    properties.put("micronaut.security.token.jwt.signatures.jwks.tenancy.url", jwksUrl);
    properties.put("micronaut.security.token.jwt.signatures.jwks.tenancy.cache-expiration", "1");
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  private static String signIn(EmbeddedServer server) {
    return TenancyTestSupport.token(
        new HubApi(server.getURL().toString()),
        TenancyTestSupport.ADMIN_EMAIL,
        TenancyTestSupport.ADMIN_PASSWORD);
  }

  private static int councils(EmbeddedServer server, String token) {
    return new HubApi(server.getURL().toString()).get("/councils", token).status();
  }

  private static String keyIdOf(String token) {
    try {
      String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
      return new ObjectMapper().readTree(header).get("kid").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> publishedKeyIds(EmbeddedServer server) {
    JsonNode jwks =
        new HubApi(server.getURL().toString()).get("/.well-known/jwks.json", null).json();
    List<String> ids = new ArrayList<>();
    jwks.get("keys").forEach(key -> ids.add(key.get("kid").asText()));
    return ids;
  }

  @Test
  void aRotationSignsNobodyOutAndRemovingTheOldKeyEndsItsTokens() throws IOException {
    Path oldKey = keys.resolve("old.pem");
    Path newKey = keys.resolve("new.pem");

    String oldToken;
    String oldKeyId;
    try (EmbeddedServer before = tenancy(oldKey, null)) {
      oldToken = signIn(before);
      oldKeyId = keyIdOf(oldToken);
      assertThat(publishedKeyIds(before)).containsExactly(oldKeyId);
    }

    // Step 1 (the next key published first) needs no check of its own: it is step 2's JWKS
    // with the roles swapped. Step 2: the new key signs, the old one is the second key.
    String newToken;
    String newKeyId;
    try (EmbeddedServer rotated = tenancy(newKey, oldKey);
        EmbeddedServer service = jwksTrustingService(rotated.getURL() + "/.well-known/jwks.json")) {
      newToken = signIn(rotated);
      newKeyId = keyIdOf(newToken);
      assertThat(newKeyId).isNotEqualTo(oldKeyId);
      assertThat(publishedKeyIds(rotated)).containsExactly(newKeyId, oldKeyId);
      assertThat(councils(rotated, oldToken)).as("old token, tenancy").isEqualTo(200);
      assertThat(councils(rotated, newToken)).as("new token, tenancy").isEqualTo(200);
      assertThat(councils(service, oldToken)).as("old token, through the JWKS").isEqualTo(200);
      assertThat(councils(service, newToken)).as("new token, through the JWKS").isEqualTo(200);

      // Step 3: the second key removed from the Secret (the file is gone), tenancy restarted.
      Files.delete(oldKey);
    }
    try (EmbeddedServer after = tenancy(newKey, oldKey);
        EmbeddedServer service = jwksTrustingService(after.getURL() + "/.well-known/jwks.json")) {
      assertThat(publishedKeyIds(after)).containsExactly(newKeyId);
      assertThat(councils(after, oldToken)).as("old token, tenancy").isEqualTo(401);
      assertThat(councils(after, newToken)).as("new token, tenancy").isEqualTo(200);
      new HubApi(service.getURL().toString())
          .awaitGet("/councils", newToken, r -> r.status() == 200, Duration.ofSeconds(10));
      assertThat(councils(service, oldToken)).as("old token, through the JWKS").isEqualTo(401);
    }
  }
}
