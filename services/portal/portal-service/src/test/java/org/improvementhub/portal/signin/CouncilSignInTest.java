package org.improvementhub.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The portal's part of signing in with a council's account, against a stand-in tenancy: the sign-in
 * page offers it, the start sends the browser to the provider with the state in a cookie, and the
 * callback signs the person in only with that cookie's state and tenancy's token.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilSignInTest implements TestPropertyProvider {

  private static final String CALLBACK = "http://localhost:8080/sign-in/sso-callback";
  private static final String PROVIDER = "https://login.walsall.example/authorize?client_id=hub";
  private static final String PROVIDER_SIGN_OUT =
      "https://login.walsall.example/logout?id_token_hint=hint-token"
          + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fsigned-out";

  private final StandInTenancy tenancy = new StandInTenancy();
  private final HttpClient browser = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        "hub.portal.services.tenancy", tenancy.url(), "hub.portal.sso.callback-url", CALLBACK);
  }

  @AfterAll
  void stop() {
    tenancy.close();
  }

  @BeforeEach
  void forget() {
    tenancy.calls.clear();
  }

  @Test
  void theSignInPageOffersTheCouncilsThatHaveItBesidePasswords() throws Exception {
    HttpResponse<String> page = get("/sign-in", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<label class=\"govuk-label\" for=\"email\">")
        .contains("href=\"/sign-in/walsall/sso\"")
        .contains("Sign in with Walsall&#39;s account");
  }

  @Test
  void startingSendsTheBrowserToTheProviderWithTheStateInAShortLivedCookie() throws Exception {
    HttpResponse<String> start = get("/sign-in/walsall/sso", null);

    assertThat(start.statusCode()).isEqualTo(303);
    assertThat(start.headers().firstValue("Location")).contains(PROVIDER);
    String cookie = cookie(start, "hub_sso");
    assertThat(cookie).contains("hub_sso=state-1", "HTTPOnly", "SameSite=Lax", "Path=/sign-in");
    assertThat(tenancy.calls)
        .contains("POST /auth/sso/walsall/start {\"redirectUri\":\"" + CALLBACK + "\"}");
  }

  @Test
  void theCallbackWithTheBrowsersStateSignsThePersonIn() throws Exception {
    HttpResponse<String> back =
        get("/sign-in/sso-callback?state=state-1&code=good-code", "hub_sso=state-1");

    assertThat(back.statusCode()).isEqualTo(303);
    assertThat(back.headers().firstValue("Location")).contains("/councils/walsall");
    String session = cookie(back, "hub_session").split(";")[0];
    assertThat(cookie(back, "hub_sso")).contains("Max-Age=0");
    // the body's fields may come in either order
    assertThat(tenancy.calls)
        .anyMatch(
            call ->
                call.startsWith("POST /auth/sso/callback")
                    && call.contains("\"state\":\"state-1\"")
                    && call.contains("\"code\":\"good-code\""));
    // the session is signed in: the sign-in page sends the person home
    HttpResponse<String> again = get("/sign-in", session);
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location")).contains("/councils/walsall");
  }

  @Test
  void aCallbackWithoutThisBrowsersStateIsRefusedBeforeTenancyIsAsked() throws Exception {
    HttpResponse<String> noCookie = get("/sign-in/sso-callback?state=state-1&code=good-code", null);
    HttpResponse<String> otherState =
        get("/sign-in/sso-callback?state=state-1&code=good-code", "hub_sso=state-2");

    for (HttpResponse<String> refused : List.of(noCookie, otherState)) {
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body())
          .contains("govuk-error-summary", "This sign-in was not started in this browser");
    }
    assertThat(tenancy.calls).noneMatch(call -> call.startsWith("POST /auth/sso/callback"));
  }

  @Test
  void aRefusalByTheProviderOrByTenancyShowsTheSignInPageAgain() throws Exception {
    HttpResponse<String> cancelled =
        get("/sign-in/sso-callback?error=access_denied&state=state-1", "hub_sso=state-1");
    assertThat(cancelled.statusCode()).isEqualTo(400);
    assertThat(cancelled.body()).contains("cancelled or refused");

    HttpResponse<String> refused =
        get("/sign-in/sso-callback?state=state-1&code=bad-code", "hub_sso=state-1");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("did not work");
    // nobody is signed in on the session the refusal gave
    String session = cookie(refused, "hub_session").split(";")[0];
    assertThat(get("/sign-in", session).statusCode()).isEqualTo(200);
  }

  @Test
  void signingOutAfterSingleSignOnSendsThePersonOnToBeSignedOutAtTheProvider() throws Exception {
    HttpResponse<String> back =
        get("/sign-in/sso-callback?state=state-1&code=good-code", "hub_sso=state-1");
    assertThat(back.statusCode()).isEqualTo(303);
    assertThat(tenancy.calls)
        .anyMatch(
            call ->
                call.startsWith("POST /auth/sso/callback")
                    && call.contains(
                        "\"postLogoutRedirectUri\":\"http://localhost:8080/signed-out\""));
    String session = cookie(back, "hub_session").split(";")[0];
    HttpResponse<String> signedInPage = get("/no-such-page", session);
    // the provider's ID token stays in the portal until sign-out
    assertThat(back.headers().map().toString()).doesNotContain("hint-token");
    assertThat(signedInPage.body()).doesNotContain("hint-token");

    HttpResponse<String> out = post("/sign-out", session, "csrf=" + csrfOf(signedInPage.body()));

    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.headers().firstValue("Cache-Control")).contains("no-store");
    String escaped = PROVIDER_SIGN_OUT.replace("&", "&amp;");
    assertThat(out.body())
        .contains("<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\">")
        .contains("id=\"provider-sign-out\" href=\"" + escaped + "\"");
    assertThat(cookie(out, "hub_session")).contains("Max-Age=0");
    assertThat(get("/sign-in", session).statusCode()).as("our session has ended").isEqualTo(200);
  }

  @Test
  void signingOutWhenTheProviderHasNoEndSessionIsOurSignOutOnly() throws Exception {
    HttpResponse<String> back =
        get("/sign-in/sso-callback?state=state-1&code=plain-code", "hub_sso=state-1");
    assertThat(back.statusCode()).isEqualTo(303);
    String session = cookie(back, "hub_session").split(";")[0];

    HttpResponse<String> out =
        post("/sign-out", session, "csrf=" + csrfOf(get("/no-such-page", session).body()));

    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Location")).contains("/signed-out");
    assertThat(get("/sign-in", session).statusCode()).isEqualTo(200);
  }

  @Test
  void aCouncilWithoutSingleSignOnIsNotFound() throws Exception {
    assertThat(get("/sign-in/peterborough/sso", null).statusCode()).isEqualTo(404);
    assertThat(get("/sign-in/NOT_A_COUNCIL/sso", null).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURI() + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, String cookie, String form) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .header("Cookie", cookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token of the sign-out form on a signed-in page. */
  private static String csrfOf(String page) {
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("a signed-in page with the sign-out form").isTrue();
    return token.group(1);
  }

  private static String cookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
  }

  /** Tenancy's SSO routes as the portal uses them; Walsall offers SSO, Peterborough does not. */
  private static final class StandInTenancy implements AutoCloseable {

    final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInTenancy() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", this::answer);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
      String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      calls.add(body.isEmpty() ? call : call + " " + body);
      int status = 200;
      String answer;
      switch (call) {
        case "GET /auth/sso/councils" -> answer = "[{\"slug\":\"walsall\",\"name\":\"Walsall\"}]";
        case "POST /auth/sso/walsall/start" ->
            answer = "{\"authorizationUrl\":\"" + PROVIDER + "\",\"state\":\"state-1\"}";
        case "POST /auth/sso/callback" -> {
          if (body.contains("\"good-code\"")) {
            answer =
                "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"sign_out_url\":\"%s\"}"
                    .formatted(token(), PROVIDER_SIGN_OUT);
          } else if (body.contains("\"plain-code\"")) {
            answer = "{\"access_token\":\"" + token() + "\",\"token_type\":\"Bearer\"}";
          } else {
            status = 401;
            answer = "{\"status\":401,\"detail\":\"the provider refused the code\"}";
          }
        }
        default -> {
          status = 404;
          answer = "{\"status\":404}";
        }
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }

    /** Unsigned: the portal reads the claims only to choose pages; services check signatures. */
    private static String token() {
      Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
      String claims =
          "{\"sub\":\"jo@walsall.example\",\"roles\":[\"PROGRAMME_MANAGER\"],\"council\":\"walsall\","
              + "\"exp\":4102444800}";
      return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
          + "."
          + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
          + ".unsigned";
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
