package org.improvementhub.tenancy.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.improvementhub.web.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls to a council's provider: to the address that was looked up and checked (one lookup, so a
 * second answer cannot differ), never to an address inside the platform's network when the platform
 * forbids it (the chart), and allowed there for local runs and tests; no redirects.
 */
class ProviderCallsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private int port;

  @BeforeEach
  void aProviderOnThisMachine() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theCallGoesToTheAddressTheOneLookupGaveAndChecked() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    // a name the system cannot resolve: only this lookup's answer can have been connected to
    ProviderAddresses.Lookup lookup =
        host -> {
          lookups.incrementAndGet();
          assertThat(host).isEqualTo("idp.walsall.example");
          return new InetAddress[] {InetAddress.getLoopbackAddress()};
        };
    try (ProviderCalls calls = new ProviderCalls(new ProviderAddresses(true, lookup), TIMEOUT)) {
      HTTPResponse answer =
          get("http://idp.walsall.example:" + port + "/walsall/hello").send(calls);

      assertThat(answer.getStatusCode()).isEqualTo(200);
      assertThat(answer.getBody()).isEqualTo("{\"hello\":\"walsall\"}");
      assertThat(lookups).hasValue(1);
      assertThat(received).containsExactly("GET /walsall/hello idp.walsall.example:" + port);
    }
  }

  @Test
  void aHostThatResolvesInsideThePlatformsNetworkIsNeverConnectedToWhenThePlatformForbidsIt()
      throws Exception {
    ProviderAddresses.Lookup rebinding =
        host -> new InetAddress[] {InetAddress.getLoopbackAddress()};
    try (ProviderCalls calls =
        new ProviderCalls(new ProviderAddresses(false, rebinding), TIMEOUT)) {
      assertThatThrownBy(() -> get("http://idp.walsall.example:" + port + "/x").send(calls))
          .isInstanceOf(ProviderAddresses.InsideAddress.class);
      assertThatThrownBy(() -> calls.retrieveResource(new URL("http://localhost:" + port + "/j")))
          .isInstanceOf(ProviderAddresses.InsideAddress.class);
    }
    assertThat(received).isEmpty();
  }

  @Test
  void aRedirectIsAnsweredNotFollowedAndAHugeAnswerIsRefused() throws Exception {
    try (ProviderCalls calls = new ProviderCalls(new ProviderAddresses(true), TIMEOUT)) {
      HTTPResponse moved = get("http://127.0.0.1:" + port + "/moved").send(calls);

      assertThat(moved.getStatusCode()).isEqualTo(302);
      assertThat(received).containsExactly("GET /moved 127.0.0.1:" + port);
      assertThatThrownBy(() -> get("http://127.0.0.1:" + port + "/huge").send(calls))
          .hasMessageContaining("larger than");
    }
  }

  @Test
  void discoveryOfAProviderInsideThePlatformsNetworkIsRefusedUnlessThePlatformAllowsIt()
      throws Exception {
    String issuer = "http://127.0.0.1:" + port + "/walsall";

    IdentityProviders.Provider found = providers(true).of(issuer);
    assertThat(found.metadata().getTokenEndpointURI().toString()).isEqualTo(issuer + "/token");
    assertThat(received).hasSize(1);
    received.clear();

    IdentityProviders forbidding = providers(false);
    for (String refused : List.of(issuer, "http://localhost:" + port + "/walsall")) {
      assertThatThrownBy(() -> forbidding.of(refused))
          .as(refused)
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> {
                assertThat(e.problem().status()).isEqualTo(503);
                assertThat(e.problem().detail()).contains("does not allow");
              });
    }
    assertThat(received).as("nothing reached the provider").isEmpty();
  }

  private static IdentityProviders providers(boolean allowInside) {
    SsoRules rules =
        new SsoRules(
            true,
            List.of("http://127.0.0.1:9/sign-in/sso-callback"),
            new ProviderHosts(List.of("127.0.0.1", "localhost")));
    return new IdentityProviders(
        rules,
        Clock.systemUTC(),
        Duration.ofMinutes(5),
        new ProviderCalls(new ProviderAddresses(allowInside), TIMEOUT));
  }

  private static HTTPRequest get(String url) throws IOException {
    return new HTTPRequest(HTTPRequest.Method.GET, new URL(url));
  }

  private void serve(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    received.add(
        exchange.getRequestMethod()
            + " "
            + path
            + " "
            + exchange.getRequestHeaders().getFirst("Host"));
    String issuer = "http://127.0.0.1:" + port + "/walsall";
    byte[] body;
    int status = 200;
    if (path.equals("/moved")) {
      exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
      status = 302;
      body = new byte[0];
    } else if (path.equals("/huge")) {
      body = new byte[ProviderCalls.MAX_ANSWER + 10];
    } else if (path.endsWith("/.well-known/openid-configuration")) {
      body =
          """
          {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
           "jwks_uri":"%1$s/jwks","response_types_supported":["code"],
           "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
          """
              .formatted(issuer)
              .getBytes(StandardCharsets.UTF_8);
    } else {
      body = "{\"hello\":\"walsall\"}".getBytes(StandardCharsets.UTF_8);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
