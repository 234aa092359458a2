package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client puts in {@code Accept} or {@code Content-Type}, a portal page answers with a
 * page or a 4xx, never a 500: a page asked for as {@code text/html} alone is that page (it was a
 * 500 once: the router's 406 fell through to the catch-all error page), a type the portal does not
 * make is a 406 page (so is {@code text/*}: Micronaut's router does not match a wildcard subtype),
 * a form body of the wrong type a 400 or 415 page.
 */
@MicronautTest
class OddHeadersTest extends AgainstStandInServices {

  private static final List<String> PAGES = List.of("/sign-in", "/account/password");

  @Test
  void aPageAskedForAsHtmlInAnyWayIsThePage() {
    Browsing signedIn = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");
    for (String accept :
        List.of(
            "text/html",
            "text/html; charset=utf-8",
            "*/*",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "application/json, text/html;q=0.5")) {
      for (String page : PAGES) {
        // the sign-in page sends a signed-in person home: it is asked for without a session
        Browsing browser = page.equals("/sign-in") ? Browsing.anonymous(server.getURI()) : signedIn;
        HttpResponse<String> answer = browser.get(page, "Accept", accept);
        assertThat(answer.statusCode()).as("%s as %s", page, accept).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
            .as("%s as %s", page, accept)
            .startsWith("text/html");
      }
    }
  }

  @Test
  void noOddAcceptOrContentTypeGivesAServerError() {
    Browsing signedIn = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");
    List<String> failures = new ArrayList<>();
    for (String accept :
        List.of(
            "application/json",
            "application/problem+json",
            "image/png",
            "application/xhtml+xml",
            "text/*",
            "nonsense",
            "text/html;q=0",
            ";;;",
            "")) {
      for (String page : List.of("/sign-in", "/account/password", "/no-such-page", "/")) {
        int status = signedIn.get(page, "Accept", accept).statusCode();
        if (status >= 500) {
          failures.add("GET " + page + " Accept: " + accept + " -> " + status);
        }
      }
    }
    for (String type :
        List.of(
            "application/json",
            "text/plain",
            "multipart/form-data",
            "application/x-www-form-urlencoded; charset=nonsense",
            "nonsense")) {
      for (String page : List.of("/sign-in", "/account/password", "/sign-out")) {
        HttpResponse<String> answer = signedIn.postRaw(page, type, "{\"csrf\":\"x\"}");
        if (answer.statusCode() >= 500 || answer.statusCode() < 400) {
          failures.add("POST " + page + " Content-Type: " + type + " -> " + answer.statusCode());
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
