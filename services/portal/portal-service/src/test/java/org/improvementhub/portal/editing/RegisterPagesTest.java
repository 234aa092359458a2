package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The drivers register and the risk register and issue log, and their forms. */
@MicronautTest
class RegisterPagesTest extends AgainstStandInServices {

  private static final String DRIVER = "22222222-2222-2222-2222-222222222222";
  private static final String RISK = "55555555-5555-5555-5555-555555555555";

  @BeforeEach
  void walsallHasADriverAndARisk() {
    fake.forgetCalls();
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/programmes", 200, "[]")
        .on(
            "GET",
            "/councils/walsall/drivers",
            200,
            ("[{\"id\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 1\","
                    + "\"text\":\"Improve the front door\",\"timeframe\":\"WITHIN_3_MONTHS\",\"actionIds\":[]}]")
                .formatted(DRIVER))
        .on(
            "GET",
            "/councils/walsall/drivers/" + DRIVER,
            200,
            ("{\"id\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 1\","
                    + "\"text\":\"Improve the front door\",\"actionIds\":[]}")
                .formatted(DRIVER))
        .on("POST", "/councils/walsall/drivers", 201, "{\"id\":\"%s\"}".formatted(DRIVER))
        .on("PUT", "/councils/walsall/drivers/" + DRIVER, 200, "{\"id\":\"%s\"}".formatted(DRIVER))
        .on(
            "GET",
            "/councils/walsall/risks",
            200,
            ("[{\"id\":\"%s\",\"kind\":\"RISK\",\"ref\":\"R 1\",\"description\":\"Agency staff leave\","
                    + "\"likelihood\":4,\"impact\":4,\"score\":16,\"owner\":\"Director\",\"status\":\"OPEN\"}]")
                .formatted(RISK))
        .on("POST", "/councils/walsall/risks", 201, "{\"id\":\"%s\"}".formatted(RISK));
  }

  @Test
  void theDriversRegisterShowsUnansweredDriversAndAManagerAddsOne() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> register = manager.get("/councils/walsall/drivers");
    assertThat(register.statusCode()).isEqualTo(200);
    assertThat(register.body())
        .contains("OR 1", "Improve the front door", "Within 3 months", "None", "Add a driver")
        .doesNotContain("saved-title");

    HttpResponse<String> empty = manager.post("/councils/walsall/drivers/new", Map.of());
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body())
        .contains("<a href=\"#kind\">Select where the driver comes from</a>")
        .contains("<a href=\"#ref\">Enter the ref</a>", "<a href=\"#text\">Enter the driver</a>");

    HttpResponse<String> added =
        manager.post(
            "/councils/walsall/drivers/new",
            Map.of("kind", "IMPROVEMENT_NOTICE", "ref", "IN 3.1", "text", "Stable workforce"));
    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(fake.calls("POST", "/councils/walsall/drivers").get(0).body())
        .contains("\"kind\":\"IMPROVEMENT_NOTICE\"", "\"ref\":\"IN 3.1\"");
    assertThat(manager.get(added.headers().firstValue("Location").orElseThrow()).body())
        .contains("Driver IN 3.1 saved");
  }

  @Test
  void aRiskNeedsItsLikelihoodAndImpactButAnIssueDoesNot() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    assertThat(manager.get("/councils/walsall/risks").body())
        .contains("R 1", "Agency staff leave", "16", "Director");

    HttpResponse<String> unscored =
        manager.post(
            "/councils/walsall/risks/new",
            Map.of(
                "kind",
                "RISK",
                "ref",
                "R 2",
                "description",
                "Court delays",
                "owner",
                "Head",
                "status",
                "OPEN"));
    assertThat(unscored.statusCode()).isEqualTo(422);
    assertThat(unscored.body())
        .contains("<a href=\"#likelihood\">Select the risk&#39;s likelihood, 1 to 5</a>");

    HttpResponse<String> issue =
        manager.post(
            "/councils/walsall/risks/new",
            Map.of(
                "kind",
                "ISSUE",
                "ref",
                "I 1",
                "description",
                "Case audit backlog",
                "owner",
                "Head",
                "status",
                "OPEN",
                "reviewDate-day",
                "1",
                "reviewDate-month",
                "12",
                "reviewDate-year",
                "2026"));
    assertThat(issue.statusCode()).as(issue.body()).isEqualTo(303);
    assertThat(fake.calls("POST", "/councils/walsall/risks").get(0).body())
        .contains("\"kind\":\"ISSUE\"", "\"reviewDate\":\"2026-12-01\"", "\"likelihood\":null");
  }

  @Test
  void anObserverReadsTheRegistersWithoutEditControlsAndCannotWrite() {
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");

    assertThat(observer.get("/councils/walsall/drivers").body())
        .contains("OR 1")
        .doesNotContain("Add a driver", "/edit");
    assertThat(observer.get("/councils/walsall/risks").body())
        .contains("R 1")
        .doesNotContain("Add a risk", "/edit");
    assertThat(observer.get("/councils/walsall/risks/new").statusCode()).isEqualTo(403);
    HttpResponse<String> forged =
        observer.post(
            "/councils/walsall/drivers/" + DRIVER + "/edit",
            Map.of("kind", "OTHER", "ref", "X", "text", "Forged"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(fake.calls("PUT", "/councils/")).isEmpty();
    assertThat(fake.calls("POST", "/councils/")).isEmpty();
  }

  @Test
  void anotherCouncilsRegistersAreNotFound() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    for (String path :
        new String[] {
          "/councils/peterborough/drivers",
          "/councils/peterborough/risks",
          "/councils/peterborough/risks/new",
          "/councils/peterborough/drivers/" + DRIVER + "/edit"
        }) {
      assertThat(manager.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }
}
