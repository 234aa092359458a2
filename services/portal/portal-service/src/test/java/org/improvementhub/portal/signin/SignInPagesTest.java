package org.improvementhub.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pages that need no service behind them: sign-in with its cookie and CSRF token, the error
 * summary, the not-found and form-expired pages, and the sign-in redirect for council pages. The
 * tenancy address points nowhere, so a sign-in attempt shows the problem page, not a trace.
 */
@MicronautTest
@Property(name = "hub.portal.services.tenancy", value = "http://127.0.0.1:9")
class SignInPagesTest {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theSignInPageSetsASecureHttpOnlySameSiteCookieAndCarriesAToken() throws Exception {
    HttpResponse<String> page = get("/sign-in", null);

    assertThat(page.statusCode()).isEqualTo(200);
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("hub_session=", "HTTPOnly", "Secure", "SameSite=Lax");
    assertThat(page.body())
        .contains("govuk-template--rebranded", "<label class=\"govuk-label\" for=\"email\">");
    assertThat(CSRF.matcher(page.body()).find()).isTrue();
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .hasValue("max-age=31536000; includeSubDomains");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void aCouncilPageWithAnEndedSessionsCookieLeadsToSignInSayingTheSessionEnded() throws Exception {
    HttpResponse<String> page = get("/councils/walsall", "hub_session=no-such-session-id");

    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/sign-in?session=ended");
    assertThat(get("/sign-in?session=ended", null).body())
        .contains("Your session has ended. Sign in again to continue.");
    assertThat(get("/sign-in", null).body()).doesNotContain("Your session has ended");
    assertThat(get("/councils/walsall", null).headers().firstValue("Location"))
        .as("no cookie at all: plain sign-in")
        .hasValue("/sign-in");
  }

  @Test
  void anEmptyFormShowsTheErrorSummaryNamingEachField() throws Exception {
    HttpResponse<String> page = get("/sign-in", null);
    String session = session(page);

    HttpResponse<String> answer =
        post("/sign-in", session, "csrf=" + csrf(page) + "&email=&password=");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body())
        .contains("govuk-error-summary", "<title>Error: Sign in")
        .contains("<a href=\"#email\">Enter your email address</a>")
        .contains("<a href=\"#password\">Enter your password</a>");
  }

  @Test
  void aFormWithoutTheSessionsTokenIsRefused() throws Exception {
    String session = session(get("/sign-in", null));

    HttpResponse<String> answer =
        post("/sign-in", session, "csrf=forged&email=a%40b.test&password=x");

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.body()).contains("The form has expired");
  }

  @Test
  void anUnreachableServiceShowsTheProblemPageNotATrace() throws Exception {
    HttpResponse<String> page = get("/sign-in", null);

    HttpResponse<String> answer =
        post("/sign-in", session(page), "csrf=" + csrf(page) + "&email=a%40b.test&password=x");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.body())
        .contains("Sorry, there is a problem with the service")
        .doesNotContain("Exception");
  }

  @Test
  void councilPagesAskForSignInAndUnknownAddressesAreNotFound() throws Exception {
    HttpResponse<String> council = get("/councils/walsall", null);
    assertThat(council.statusCode()).isEqualTo(303);
    assertThat(council.headers().firstValue("Location")).contains("/sign-in");

    HttpResponse<String> unknown = get("/no-such-page", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page not found");
  }

  @Test
  void theGovUkAssetsAreServed() throws Exception {
    assertThat(get("/govuk/govuk-frontend.min.css", null).statusCode()).isEqualTo(200);
    assertThat(get("/assets/rebrand/images/favicon.svg", null).statusCode()).isEqualTo(200);
    assertThat(get("/static/portal.js", null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path, String session) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path));
    if (session != null) {
      request.header("Cookie", session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String session, String form) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String session(HttpResponse<String> page) {
    return page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
