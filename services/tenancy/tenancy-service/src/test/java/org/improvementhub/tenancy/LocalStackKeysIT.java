package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenancy configured as the local stack configures every service, trusting the JWKS at its own
 * {@code /.well-known/jwks.json}: its own tokens still work, and nobody else's do.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackKeysIT implements TestPropertyProvider {

  private final int port = freePort();
  private final HubTestProperties properties =
      TenancyTestSupport.properties()
          .with("micronaut.server.port", String.valueOf(port))
          .with(
              "micronaut.security.token.jwt.signatures.jwks.tenancy.url",
              "http://127.0.0.1:" + port + "/.well-known/jwks.json");

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void tenancyTrustsItsOwnTokensThroughItsOwnKeySet() {
    HubApi api = new HubApi(server.getURL().toString());
    String own =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/councils", own).status()).isEqualTo(200);
    }
    ApiResponse foreign = api.get("/councils", TestTokens.shared().platformAdmin());
    assertThat(foreign.status()).isEqualTo(401);
  }
}
