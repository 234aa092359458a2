package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.improvementhub.testsupport.TestCouncils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A Walsall person signs in with Walsall's own account: the portal's sign-in page sends the browser
 * to Walsall's OpenID Connect provider (a real one in this JVM, mock-oauth2-server), which sends it
 * back signed in as the person the provider vouches for, with the role Walsall mapped. They land on
 * Walsall's programme, find Peterborough's pages not found, and signing out ends their session here
 * and at the provider, which sends them back to the signed-out page. axe checks each of our pages.
 */
class CouncilSignOnJourneyIT extends BrowserJourneys {

  private static final String ISSUER_ID = "walsall-idp";

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final MockOAuth2Server provider = new MockOAuth2Server();
  private String peterboroughAction;

  @BeforeAll
  void twoCouncilsAndWalsallsOwnProvider() {
    provider.start();
    stack.council(walsall, "Walsall Council", 335);
    stack.council(peterborough, "Peterborough City Council", 874);
    stack.action(
        walsall,
        stack.councilUser(walsall, "PROGRAMME_MANAGER"),
        "2.4",
        "Audit case files every month",
        LocalDate.now().plusDays(20),
        "RED");
    peterboroughAction =
        stack.action(
            peterborough,
            stack.councilUser(peterborough, "PROGRAMME_MANAGER"),
            "1.1",
            "Recruit permanent social workers",
            LocalDate.now().plusDays(30),
            "AMBER");
    stack.singleSignOn(
        walsall,
        provider.issuerUrl(ISSUER_ID).toString(),
        "improvement-hub-" + walsall,
        "{\"walsall-hub-managers\":\"PROGRAMME_MANAGER\",\"walsall-hub-admins\":\"COUNCIL_ADMIN\"}");
  }

  @AfterAll
  void stopTheProvider() {
    provider.shutdown();
  }

  @Test
  void aWalsallPersonSignsInWithWalsallsAccountSeesOnlyWalsallAndSignsOutThereToo()
      throws InterruptedException {
    String email = "jo.bloggs@" + walsall + ".example";
    // whoever the provider's login page would have signed in: this person, in Walsall's managers
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            ISSUER_ID,
            "walsall-staff-0042",
            "JWT",
            null,
            Map.of(
                "email",
                email,
                "name",
                "Jo Bloggs",
                "groups",
                List.of("walsall-hub-managers", "PLATFORM_ADMIN")),
            3600));

    browser.go("/sign-in");
    assertThat(browser.find("main").getText()).contains("Walsall Council");
    browser.assertAccessible("sign-in with council accounts");
    browser.screenshot("sso-01-sign-in");

    steps.navigate(
        () ->
            browser
                .driver()
                .findElement(By.cssSelector("a[href='/sign-in/" + walsall + "/sso']"))
                .click());
    assertThat(browser.path())
        .as("back from Walsall's provider: %s", browser.find("main").getText())
        .isEqualTo("/councils/" + walsall);
    assertThat(browser.heading()).isEqualTo("Programme overview");
    assertThat(browser.find("main").getText()).contains("Audit case files every month");
    browser.assertAccessible("overview after single sign-on");
    browser.screenshot("sso-02-overview");
    RecordedRequest authorize = takeRequest("/authorize");
    assertThat(authorize.getRequestUrl().queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(authorize.getRequestUrl().queryParameter("redirect_uri"))
        .isEqualTo(stack.portalUrl() + "/sign-in/sso-callback");

    // Peterborough's pages do not exist for a Walsall person, whatever the provider claimed
    for (String path :
        List.of(
            "/councils/" + peterborough,
            "/councils/" + peterborough + "/actions/" + peterboroughAction)) {
      browser.go(path);
      assertThat(browser.heading()).as(path).isEqualTo("Page not found");
      assertThat(browser.find("main").getText()).doesNotContain("Recruit permanent social workers");
    }
    browser.assertAccessible("not found");
    browser.go("/councils/" + walsall);
    assertThat(browser.heading()).isEqualTo("Programme overview");

    // signing out ends our session, then the provider's, which sends the browser back here
    browser.driver().findElement(By.cssSelector("form[action='/sign-out'] button")).click();
    JourneySteps.poll(
        browser::path, path -> path.startsWith("/signed-out"), Duration.ofSeconds(30));
    assertThat(browser.heading()).isEqualTo("You have signed out");
    browser.assertAccessible("signed out");
    browser.screenshot("sso-03-signed-out");
    RecordedRequest endSession = takeRequest("/endsession");
    URI ended = endSession.getRequestUrl().uri();
    assertThat(parameter(ended, "post_logout_redirect_uri"))
        .isEqualTo(stack.portalUrl() + "/signed-out");
    assertThat(parameter(ended, "id_token_hint")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    browser.go("/councils/" + walsall);
    assertThat(browser.path()).as("the session has ended").startsWith("/sign-in");
  }

  /** The next request the provider received at a path ending {@code pathEnd}. */
  private RecordedRequest takeRequest(String pathEnd) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      RecordedRequest request = provider.takeRequest(5, TimeUnit.SECONDS);
      String path = request.getRequestUrl().encodedPath();
      if (path.endsWith(pathEnd)) {
        return request;
      }
      seen.add(path);
    }
    throw new AssertionError("the provider received no " + pathEnd + " request, only " + seen);
  }

  private static String parameter(URI uri, String name) {
    for (String pair : uri.getRawQuery().split("&")) {
      String[] parts = pair.split("=", 2);
      if (parts[0].equals(name)) {
        return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(uri + " has no " + name);
  }
}
