package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two councils with identical measures and values: each council's token sees only its own, the
 * other's ids answer 404, observers and board members read but cannot write.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasuresIsolationIT implements TestPropertyProvider {

  private static final String VALUE =
      """
      {"value":84.8,"numerator":312,"denominator":368,"note":"From the March performance pack"}
      """;

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
    api = bed.start(server.getURL(), "/measures");
  }

  private String manager(String council) {
    return tokens.councilUser(council, "PROGRAMME_MANAGER");
  }

  private static String measureJson(String name) {
    return """
        {"name":"%s","definition":"Of single assessments completed in the month, the share completed within 45 working days of referral","unit":"PERCENT","polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY"}
        """
        .formatted(name);
  }

  /** Defines the measure and records March 2024 for it; returns the measure's id. */
  private String measureWithValue(String council, String name) {
    ApiResponse created =
        api.post("/councils/" + council + "/measures", manager(council), measureJson(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    ApiResponse recorded = api.put(values(council, id) + "/2024-03", manager(council), VALUE);
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    return id;
  }

  private static String values(String council, String measureId) {
    return "/councils/" + council + "/measures/" + measureId + "/values";
  }

  @Test
  void identicalDataStaysWithinEachCouncil() {
    String name = "Single assessments completed within 45 working days";
    String walsallId = measureWithValue(walsall, name);
    String peterboroughId = measureWithValue(peterborough, name);

    ApiResponse walsallList =
        api.get("/councils/" + walsall + "/measures", tokens.councilUser(walsall, "BOARD_MEMBER"));
    assertThat(walsallList.status()).isEqualTo(200);
    assertThat(walsallList.json().findValuesAsText("id"))
        .contains(walsallId)
        .doesNotContain(peterboroughId);

    ApiResponse walsallValues = api.get(values(walsall, walsallId), manager(walsall));
    assertThat(walsallValues.json()).hasSize(1);
    assertThat(walsallValues.json().get(0).get("enteredBy").asText()).contains(walsall);

    for (String crossPath :
        new String[] {
          "/councils/" + walsall + "/measures/" + peterboroughId,
          values(walsall, peterboroughId),
          values(walsall, peterboroughId) + "/2024-03"
        }) {
      ApiResponse cross = api.get(crossPath, manager(walsall));
      assertThat(cross.status()).as(crossPath).isEqualTo(404);
      assertThat(cross.isProblem()).isTrue();
    }
    ApiResponse crossWrite =
        api.put(values(walsall, peterboroughId) + "/2024-04", manager(walsall), VALUE);
    assertThat(crossWrite.status()).isEqualTo(404);
    assertThat(api.get(values(peterborough, peterboroughId), manager(peterborough)).json())
        .hasSize(1);
  }

  @Test
  void aTokenForAnotherCouncilIsToldNothing() {
    String id = measureWithValue(peterborough, "Care leavers in education, employment or training");
    String walsallAdmin = tokens.councilUser(walsall, "COUNCIL_ADMIN");

    for (String path :
        new String[] {
          "/councils/" + peterborough + "/measures",
          "/councils/" + peterborough + "/measures/" + id,
          values(peterborough, id),
          values(peterborough, id) + "/2024-03"
        }) {
      ApiResponse read = api.get(path, walsallAdmin);
      assertThat(read.status()).as(path).isEqualTo(404);
      assertThat(read.isProblem()).isTrue();
      assertThat(read.body()).doesNotContain("Care leavers").doesNotContain("312");
    }
    assertThat(
            api.post(
                    "/councils/" + peterborough + "/measures",
                    walsallAdmin,
                    measureJson("Agency social worker rate"))
                .status())
        .isEqualTo(404);
    assertThat(api.put(values(peterborough, id) + "/2024-04", walsallAdmin, VALUE).status())
        .isEqualTo(404);
  }

  @Test
  void observersReadEveryCouncilInScopeButCannotWrite() {
    String id = measureWithValue(walsall, "Return home interviews within 72 hours");
    String observer = tokens.observer("*");

    ApiResponse measure = api.get("/councils/" + walsall + "/measures/" + id, observer);
    assertThat(measure.status()).isEqualTo(200);
    assertThat(measure.json().get("name").asText())
        .isEqualTo("Return home interviews within 72 hours");
    ApiResponse values = api.get(values(walsall, id), observer);
    assertThat(values.status()).isEqualTo(200);
    assertThat(values.json().get(0).get("value").decimalValue()).isEqualByComparingTo("84.8");

    ApiResponse define =
        api.post("/councils/" + walsall + "/measures", observer, measureJson("Average caseload"));
    assertThat(define.status()).isEqualTo(403);
    assertThat(define.isProblem()).isTrue();
    ApiResponse record = api.put(values(walsall, id) + "/2024-04", observer, VALUE);
    assertThat(record.status()).isEqualTo(403);
    assertThat(record.isProblem()).isTrue();

    ApiResponse outOfScope =
        api.get("/councils/" + walsall + "/measures", tokens.observer(peterborough));
    assertThat(outOfScope.status()).isEqualTo(404);
  }

  @Test
  void boardMembersAndActionLeadsReadButCannotWrite() {
    String id = measureWithValue(walsall, "Statutory visits to children in care within timescale");
    for (String role : new String[] {"BOARD_MEMBER", "ACTION_LEAD"}) {
      String token = tokens.councilUser(walsall, role);
      assertThat(api.get(values(walsall, id), token).status()).as(role).isEqualTo(200);
      ApiResponse define =
          api.post(
              "/councils/" + walsall + "/measures", token, measureJson("Social worker vacancy"));
      assertThat(define.status()).as(role).isEqualTo(403);
      assertThat(define.isProblem()).isTrue();
      ApiResponse record = api.put(values(walsall, id) + "/2024-04", token, VALUE);
      assertThat(record.status()).as(role).isEqualTo(403);
    }
    assertThat(api.get(values(walsall, id), manager(walsall)).json()).hasSize(1);
  }

  private static final String TARGETS =
      "{\"tolerance\":2,\"targets\":[{\"from\":\"2024-01\",\"value\":90}]}";

  private ApiResponse importCsv(String council, String token, String csv) {
    return api.send(
        api.request("/councils/" + council + "/measures/values/import", token)
            .header("Content-Type", "text/csv")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
  }

  @Test
  void targetsSeriesAdoptionAndImportStayWithinEachCouncil() {
    String name = "Care proceedings within 26 weeks";
    String walsallId = measureWithValue(walsall, name);
    String peterboroughId = measureWithValue(peterborough, name);
    String series = "/series?from=2024-01&to=2024-06";

    assertThat(
            api.get("/councils/" + walsall + "/measures/" + walsallId + series, manager(walsall))
                .status())
        .isEqualTo(200);
    for (String council : new String[] {walsall, peterborough}) {
      ApiResponse cross =
          api.get(
              "/councils/" + council + "/measures/" + peterboroughId + series, manager(walsall));
      assertThat(cross.status()).as(council).isEqualTo(404);
      assertThat(cross.isProblem()).isTrue();
      assertThat(cross.body()).doesNotContain("84.8");
      ApiResponse targets =
          api.put(
              "/councils/" + council + "/measures/" + peterboroughId + "/targets",
              manager(walsall),
              TARGETS);
      assertThat(targets.status()).as(council).isEqualTo(404);
    }
    assertThat(
            api.post(
                    "/councils/" + peterborough + "/measures/adopt",
                    manager(walsall),
                    "{\"code\":\"average-caseload\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            api.get(
                    "/councils/" + peterborough + "/measures/values/import/template",
                    manager(walsall))
                .status())
        .isEqualTo(404);
    String csv = "measure,period,value\n" + peterboroughId + ",2024-05,12\n";
    assertThat(importCsv(peterborough, manager(walsall), csv).status()).isEqualTo(404);
    ApiResponse foreignId = importCsv(walsall, manager(walsall), csv);
    assertThat(foreignId.status())
        .as("another council's measure id names nothing here")
        .isEqualTo(400);
    assertThat(foreignId.json().get("errors").findValuesAsText("field"))
        .containsExactly("rows[2].measure");

    JsonNode peterboroughView =
        api.get("/councils/" + peterborough + "/measures/" + peterboroughId, manager(peterborough))
            .json();
    assertThat(peterboroughView.get("targets")).isEmpty();
    assertThat(api.get(values(peterborough, peterboroughId), manager(peterborough)).json())
        .hasSize(1);
  }

  @Test
  void observersAndReadersCannotChangeTargetsAdoptOrImport() {
    String id = measureWithValue(walsall, "Agency social worker rate");
    String csv = "measure,period,value\n" + id + ",2024-05,12\n";
    String observer = tokens.observer("*");
    ApiResponse series =
        api.get(
            "/councils/" + walsall + "/measures/" + id + "/series?from=2024-01&to=2024-03",
            observer);
    assertThat(series.status()).isEqualTo(200);
    assertThat(series.json().get("points").get(2).get("value").decimalValue())
        .isEqualByComparingTo("84.8");
    for (String token :
        new String[] {
          observer,
          tokens.councilUser(walsall, "BOARD_MEMBER"),
          tokens.councilUser(walsall, "ACTION_LEAD")
        }) {
      ApiResponse targets =
          api.put("/councils/" + walsall + "/measures/" + id + "/targets", token, TARGETS);
      assertThat(targets.status()).isEqualTo(403);
      assertThat(targets.isProblem()).isTrue();
      assertThat(
              api.post(
                      "/councils/" + walsall + "/measures/adopt",
                      token,
                      "{\"code\":\"average-caseload\"}")
                  .status())
          .isEqualTo(403);
      assertThat(importCsv(walsall, token, csv).status()).isEqualTo(403);
    }
    assertThat(api.get(values(walsall, id), manager(walsall)).json()).hasSize(1);
    assertThat(
            api.get("/councils/" + walsall + "/measures/" + id, manager(walsall))
                .json()
                .get("targets"))
        .isEmpty();
  }

  @Test
  void editingHistoryLinksAndDefinitionImportStayWithinEachCouncil() {
    String id = measureWithValue(walsall, "Assessments in 45 days (edits)");
    UUID actionId = UUID.randomUUID();
    TestKafka.shared()
        .publish(
            "plans.action.v1",
            actionId.toString(),
            TestCouncils.envelope(
                "ActionCreated",
                walsall,
                actionId.toString(),
                ("{\"actionId\":\"%s\",\"ref\":\"3.4\",\"title\":\"Visits\","
                        + "\"dueDate\":\"2025-06-30\",\"ragStatus\":\"RED\"}")
                    .formatted(actionId)));
    api.awaitGet(
        "/councils/" + walsall + "/measure-links?action=" + actionId,
        manager(walsall),
        response -> response.status() == 200 && response.json().hasNonNull("record"),
        Duration.ofSeconds(30));
    String measure = "/councils/" + walsall + "/measures/" + id;
    assertThat(api.put(measure + "/links/action/" + actionId, manager(walsall), "").status())
        .isEqualTo(201);

    String other = manager(peterborough);
    assertThat(patch(measure, other, "{\"owner\":\"x\"}").status()).isEqualTo(404);
    assertThat(api.get(measure + "/history", other).status()).isEqualTo(404);
    assertThat(api.get(measure + "/links", other).status()).isEqualTo(404);
    assertThat(api.put(measure + "/links/action/" + actionId, other, "").status()).isEqualTo(404);
    assertThat(api.delete(measure + "/links/action/" + actionId, other).status()).isEqualTo(404);
    assertThat(
            api.get("/councils/" + walsall + "/measure-links?action=" + actionId, other).status())
        .isEqualTo(404);
    assertThat(csv("/councils/" + walsall + "/measures/import", other, "name\nX\n").status())
        .isEqualTo(404);
    assertThat(api.get("/councils/" + walsall + "/measures/import/template", other).status())
        .isEqualTo(404);
    // the other council's own routes do not reach Walsall's measure or action
    String otherMeasure = "/councils/" + peterborough + "/measures/" + id;
    assertThat(patch(otherMeasure, other, "{\"owner\":\"x\"}").status()).isEqualTo(404);
    assertThat(api.get(otherMeasure + "/links", other).status()).isEqualTo(404);
    assertThat(
            api.get("/councils/" + peterborough + "/measure-links?action=" + actionId, other)
                .json()
                .get("record")
                .isNull())
        .isTrue();

    for (String reader :
        new String[] {
          tokens.observer("*"),
          tokens.councilUser(walsall, "BOARD_MEMBER"),
          tokens.councilUser(walsall, "ACTION_LEAD")
        }) {
      assertThat(patch(measure, reader, "{\"owner\":\"x\"}").status()).isEqualTo(403);
      assertThat(api.delete(measure + "/links/action/" + actionId, reader).status()).isEqualTo(403);
      assertThat(csv("/councils/" + walsall + "/measures/import", reader, "name\nX\n").status())
          .isEqualTo(403);
      assertThat(api.get(measure + "/history", reader).status()).isEqualTo(200);
      assertThat(api.get(measure + "/links", reader).json().get("links")).hasSize(1);
    }
    assertThat(api.get(measure, manager(walsall)).json().has("owner")).isFalse();
  }

  private ApiResponse patch(String path, String token, String json) {
    return api.send(
        api.request(path, token)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"));
  }

  private ApiResponse csv(String path, String token, String body) {
    return api.send(
        api.request(path, token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void anUnknownCouncilIs404() {
    ApiResponse response =
        api.get(
            "/councils/nowhere-at-all/measures",
            tokens.councilUser("nowhere-at-all", "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
  }
}
