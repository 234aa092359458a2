package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two councils with identical actions: each council's token sees only its own, the other's ids
 * answer 404, observers read but cannot write.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansIsolationIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String walsall = bed.council("walsall", "Walsall", 335);
  private final String peterborough = bed.council("peterborough", "Peterborough", 874);
  private final TestTokens tokens = TestTokens.shared();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provisionTwoCouncils() {
    api = bed.start(server.getURL(), "/actions");
  }

  private String actionJson(String ref) {
    return """
        {"ref":"%s","title":"Audit every child protection plan","lead":{"name":"Sam Lead","email":"sam@example.org"},"dueDate":"2030-03-31","ragStatus":"GREEN"}
        """
        .formatted(ref);
  }

  private ApiResponse create(String council, String ref) {
    return api.post(
        "/councils/" + council + "/actions",
        tokens.councilUser(council, "PROGRAMME_MANAGER"),
        actionJson(ref));
  }

  @Test
  void identicalDataStaysWithinEachCouncil() {
    ApiResponse inWalsall = create(walsall, "1.1.1");
    ApiResponse inPeterborough = create(peterborough, "1.1.1");
    assertThat(inWalsall.status()).isEqualTo(201);
    assertThat(inPeterborough.status()).isEqualTo(201);
    String walsallId = inWalsall.json().get("id").asText();
    String peterboroughId = inPeterborough.json().get("id").asText();

    ApiResponse walsallList =
        api.get("/councils/" + walsall + "/actions", tokens.councilUser(walsall, "BOARD_MEMBER"));
    assertThat(walsallList.json().findValuesAsText("id"))
        .contains(walsallId)
        .doesNotContain(peterboroughId);

    ApiResponse crossId =
        api.get(
            "/councils/" + walsall + "/actions/" + peterboroughId,
            tokens.councilUser(walsall, "PROGRAMME_MANAGER"));
    assertThat(crossId.status()).isEqualTo(404);
    assertThat(crossId.isProblem()).isTrue();
  }

  @Test
  void aTokenForAnotherCouncilIsToldNothing() {
    String id = create(peterborough, "2.1.1").json().get("id").asText();
    ApiResponse response =
        api.get(
            "/councils/" + peterborough + "/actions/" + id,
            tokens.councilUser(walsall, "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).doesNotContain("Audit every");

    ApiResponse write =
        api.post(
            "/councils/" + peterborough + "/actions",
            tokens.councilUser(walsall, "COUNCIL_ADMIN"),
            actionJson("9.9.9"));
    assertThat(write.status()).isEqualTo(404);
  }

  @Test
  void observersReadEveryCouncilInScopeButCannotWrite() {
    String id = create(walsall, "3.1.1").json().get("id").asText();
    ApiResponse read = api.get("/councils/" + walsall + "/actions/" + id, tokens.observer("*"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("ref").asText()).isEqualTo("3.1.1");

    ApiResponse write =
        api.post("/councils/" + walsall + "/actions", tokens.observer("*"), actionJson("3.1.2"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.isProblem()).isTrue();

    ApiResponse outOfScope =
        api.get("/councils/" + walsall + "/actions", tokens.observer(peterborough));
    assertThat(outOfScope.status()).isEqualTo(404);
  }

  @Test
  void boardMembersReadButCannotWrite() {
    ApiResponse write =
        api.post(
            "/councils/" + walsall + "/actions",
            tokens.councilUser(walsall, "BOARD_MEMBER"),
            actionJson("4.1.1"));
    assertThat(write.status()).isEqualTo(403);
  }

  @Test
  void anUnknownCouncilIs404() {
    ApiResponse response =
        api.get(
            "/councils/nowhere-at-all/actions",
            tokens.councilUser("nowhere-at-all", "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
  }

  private ApiResponse send(String method, String path, String token, String json) {
    return api.send(
        api.request(path, token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A route and a valid body for it. */
  private record Write(String method, String path, String json) {}

  @Test
  void everyPlanRouteIsIsolatedAndObserversOnlyRead() {
    String managerToken = tokens.councilUser(peterborough, "PROGRAMME_MANAGER");
    PlanRequests pb = new PlanRequests(api, peterborough, managerToken);
    String programme = pb.programmeId("Pillar", "Outcome", "Action");
    String pillar = pb.itemId(programme, null, "1", "Leadership");
    String outcome = pb.itemId(programme, pillar, "1.1", "Visible leaders");
    String action = pb.actionId(programme, outcome, "7.1.1", LocalDate.of(2030, 1, 31), "GREEN");
    String driver =
        pb.post(
                pb.base() + "/drivers",
                "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 7\",\"text\":\"Audit\"}")
            .json()
            .get("id")
            .asText();
    String risk =
        pb.post(
                pb.base() + "/risks",
                "{\"kind\":\"ISSUE\",\"ref\":\"I 7\",\"description\":\"Caseloads\",\"owner\":\"Head\"}")
            .json()
            .get("id")
            .asText();
    String p = "/councils/" + peterborough;
    List<String> reads =
        List.of(
            p + "/programmes",
            p + "/programmes/" + programme,
            p + "/programmes/" + programme + "/tree",
            p + "/programmes/" + programme + "/items/" + outcome,
            p + "/actions/" + action + "/progress-reports",
            p + "/actions/" + action + "/due-date-revisions",
            p + "/drivers",
            p + "/drivers/" + driver,
            p + "/drivers/coverage",
            p + "/risks",
            p + "/risks/" + risk,
            p + "/actions?rag=GREEN&programmeId=" + programme,
            p + "/audit?recordType=action&recordId=" + action,
            p + "/audit?actor=someone&from=2020-01-01&to=2040-12-31&page=0&size=10",
            p + "/programmes?name=plan&page=0&size=5",
            p + "/programmes/" + programme + "/items?level=2&page=0&size=5",
            p + "/programmes/" + programme + "/export?format=csv",
            p + "/programmes/" + programme + "/export?format=xlsx",
            p + "/drivers?kind=OFSTED_RECOMMENDATION&covered=false&page=0&size=5",
            p + "/risks?kind=ISSUE&owner=head&page=0&size=5");
    String programmeJson = PlanRequests.programmeJson("Plan", null, "Pillar", "Outcome", "Action");
    List<Write> writes =
        List.of(
            new Write("POST", p + "/programmes", programmeJson),
            new Write("PUT", p + "/programmes/" + programme, programmeJson),
            new Write("POST", p + "/programmes/" + programme + "/items", "{\"title\":\"New\"}"),
            new Write(
                "PATCH", p + "/programmes/" + programme + "/items/" + outcome, "{\"title\":\"X\"}"),
            new Write(
                "PUT",
                p + "/programmes/" + programme + "/items/" + outcome + "/placement",
                "{\"parentId\":\"" + pillar + "\",\"position\":0}"),
            new Write("DELETE", p + "/programmes/" + programme + "/items/" + outcome, ""),
            new Write("PATCH", p + "/actions/" + action, "{\"title\":\"X\"}"),
            new Write(
                "PUT",
                p + "/actions/" + action + "/placement",
                "{\"parentId\":\"" + outcome + "\",\"position\":0}"),
            new Write(
                "POST",
                p + "/actions/" + action + "/progress-reports",
                "{\"period\":\"2011-11\",\"ragStatus\":\"RED\"}"),
            new Write(
                "POST",
                p + "/actions/" + action + "/due-date-revisions",
                "{\"dueDate\":\"2031-01-31\",\"reason\":\"Late\"}"),
            new Write(
                "POST", p + "/drivers", "{\"kind\":\"OTHER\",\"ref\":\"X 1\",\"text\":\"X\"}"),
            new Write(
                "PUT",
                p + "/drivers/" + driver,
                "{\"kind\":\"OTHER\",\"ref\":\"OR 7\",\"text\":\"X\"}"),
            new Write("PUT", p + "/drivers/" + driver + "/actions/" + action, ""),
            new Write("DELETE", p + "/drivers/" + driver + "/actions/" + action, ""),
            new Write(
                "POST",
                p + "/risks",
                "{\"kind\":\"ISSUE\",\"ref\":\"I 8\",\"description\":\"X\",\"owner\":\"X\"}"),
            new Write(
                "PUT",
                p + "/risks/" + risk,
                "{\"kind\":\"ISSUE\",\"ref\":\"I 7\",\"description\":\"X\",\"owner\":\"X\"}"),
            new Write("PUT", p + "/risks/" + risk + "/links/" + action, ""),
            new Write("DELETE", p + "/risks/" + risk + "/links/" + action, ""));

    String otherCouncil = tokens.councilUser(walsall, "COUNCIL_ADMIN");
    String observer = tokens.observer("*");
    String boardMember = tokens.councilUser(peterborough, "BOARD_MEMBER");
    for (String read : reads) {
      ApiResponse hidden = api.get(read, otherCouncil);
      assertThat(hidden.status()).as(read).isEqualTo(404);
      assertThat(hidden.isProblem()).as(read).isTrue();
      assertThat(api.get(read, observer).status()).as(read).isEqualTo(200);
      assertThat(api.get(read, boardMember).status()).as(read).isEqualTo(200);
    }
    for (Write write : writes) {
      String what = write.method() + " " + write.path();
      assertThat(send(write.method(), write.path(), otherCouncil, write.json()).status())
          .as(what)
          .isEqualTo(404);
      assertThat(send(write.method(), write.path(), observer, write.json()).status())
          .as(what)
          .isEqualTo(403);
      assertThat(send(write.method(), write.path(), boardMember, write.json()).status())
          .as(what)
          .isEqualTo(403);
    }

    // the import is a write: another council is told nothing, observers and board members may not
    String file = PlanFiles.peterborough();
    for (String token : List.of(otherCouncil, observer, boardMember)) {
      PlanFiles files = new PlanFiles(api, server.getURL().toString(), peterborough, token);
      int expected = token.equals(otherCouncil) ? 404 : 403;
      assertThat(files.importCsv(file).status()).as("import").isEqualTo(expected);
      assertThat(
              files
                  .importFile(
                      file.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                      PlanFiles.CSV,
                      "?dryRun=true")
                  .status())
          .as("dry run")
          .isEqualTo(expected);
    }

    // Walsall's own path with Peterborough's ids finds nothing either.
    String w = "/councils/" + walsall;
    String walsallManager = tokens.councilUser(walsall, "PROGRAMME_MANAGER");
    for (String path :
        List.of(
            w + "/programmes/" + programme,
            w + "/programmes/" + programme + "/tree",
            w + "/programmes/" + programme + "/items",
            w + "/programmes/" + programme + "/export",
            w + "/programmes/" + programme + "/items/" + outcome,
            w + "/actions/" + action + "/progress-reports",
            w + "/actions/" + action + "/due-date-revisions",
            w + "/drivers/" + driver,
            w + "/risks/" + risk)) {
      assertThat(api.get(path, walsallManager).status()).as(path).isEqualTo(404);
    }
    assertThat(
            send(
                    "POST",
                    w + "/actions/" + action + "/progress-reports",
                    walsallManager,
                    "{\"period\":\"2011-11\",\"ragStatus\":\"RED\"}")
                .status())
        .isEqualTo(404);
    ApiResponse walsallAudit =
        api.get(w + "/audit?recordType=action&recordId=" + action, walsallManager);
    assertThat(walsallAudit.status()).as(walsallAudit.body()).isEqualTo(200);
    assertThat(walsallAudit.json().path("items")).isEmpty();
    assertThat(walsallAudit.json().get("total").asLong()).isZero();
    assertThat(api.get(w + "/drivers/coverage", walsallManager).body()).doesNotContain("OR 7");
  }
}
