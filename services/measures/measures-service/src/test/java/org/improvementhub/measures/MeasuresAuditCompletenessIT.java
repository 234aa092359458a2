package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.measures.definitions.DefinitionImport;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.audit.AuditCompleteness;
import org.improvementhub.testsupport.audit.AuditCompletenessResult;
import org.improvementhub.testsupport.audit.AuditTrailPage;
import org.improvementhub.testsupport.audit.AuditedWrite;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every write route of the measures service, taken from its router, performed once: each must leave
 * an entry in the council's measures trail saying who (the token's subject), when, which record and
 * what it was before or after. A route without an example fails ("no example for …"). Also: the
 * trail is read per measure, and refused to another council.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasuresAuditCompletenessIT implements TestPropertyProvider {

  private static final String JSON = "application/json";
  private static final String CSV = "text/csv";
  private static final String FORM = "multipart/form-data";

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String other = bed.council("peterborough", "Peterborough", 874);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  private final String actor = "user@" + council + ".example";

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
  }

  @Test
  void everyWriteRouteLeavesAnAuditEntryWithWhoWhenAndWhatChanged() {
    String b = "/councils/" + council + "/measures";
    String measure = created(api.post(b, token, measureJson("Repeat child protection plans")));
    UUID action = knownAction();

    AuditCompleteness examples =
        AuditCompleteness.of(server.getApplicationContext(), "Measures")
            .example(
                "POST /councils/{council}/measures " + JSON,
                () -> AuditedWrite.json(HttpMethod.POST, b, measureJson("Re-referrals")))
            .example(
                "POST /councils/{council}/measures/adopt " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.POST, b + "/adopt", "{\"code\":\"social-worker-vacancy-rate\"}"))
            .example(
                "PATCH /councils/{council}/measures/{id} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PATCH,
                        b + "/" + measure,
                        "{\"owner\":\"Head of Safeguarding\"}"))
            .example(
                "PUT /councils/{council}/measures/{id}/targets " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT,
                        b + "/" + measure + "/targets",
                        "{\"tolerance\":2,\"targets\":[{\"from\":\"2025-01\",\"value\":12}]}"))
            .example(
                "PUT /councils/{council}/measures/{id}/values/{period} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT, b + "/" + measure + "/values/2025-03", "{\"value\":19.2}"))
            .example(
                "PUT /councils/{council}/measures/{id}/comparators/{year} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT,
                        b + "/" + measure + "/comparators/2024",
                        "{\"england\":16.3,\"statisticalNeighbours\":17.1}"))
            .example(
                "PUT /councils/{council}/measures/{id}/links/{kind}/{planRecordId} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT, b + "/" + measure + "/links/action/" + action, ""))
            .example(
                "DELETE /councils/{council}/measures/{id}/links/{kind}/{planRecordId} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.DELETE, b + "/" + measure + "/links/action/" + action, ""))
            .example(
                "POST /councils/{council}/measures/import " + CSV,
                () -> AuditedWrite.of(HttpMethod.POST, b + "/import", CSV, bytes(definitions("A"))))
            .example(
                "POST /councils/{council}/measures/import " + FORM,
                () ->
                    AuditedWrite.multipart(
                        b + "/import", "measures.csv", CSV, bytes(definitions("B"))))
            .example(
                "POST /councils/{council}/measures/values/import " + CSV,
                () ->
                    AuditedWrite.of(
                        HttpMethod.POST,
                        b + "/values/import",
                        CSV,
                        bytes("measure,period,value\n" + measure + ",2025-04,18.1\n")))
            .example(
                "POST /councils/{council}/measures/values/import " + FORM,
                () ->
                    AuditedWrite.multipart(
                        b + "/values/import",
                        "values.csv",
                        CSV,
                        bytes("measure,period,value\n" + measure + ",2025-05,17.4\n")));

    AuditCompletenessResult result =
        examples.run(
            api, token, actor, AuditTrailPage.at(api, "/councils/" + council + "/audit", token));
    System.out.print(result.table());
    assertThat(result.rows()).hasSize(12);
    assertThat(result.unaudited()).as("writes that left no complete audit entry").isEmpty();

    // one measure's whole story, newest first: what the board asks "why does this read so?"
    ApiResponse story =
        api.get("/councils/" + council + "/audit?measureId=" + measure + "&size=50", token);
    assertThat(story.json().get("items").findValuesAsText("change"))
        .containsExactly(
            "RECORDED",
            "RECORDED",
            "UNLINKED",
            "LINKED",
            "SET",
            "RECORDED",
            "TARGETS_REPLACED",
            "EDITED",
            "DEFINED");
    // imported values are in the trail one by one, beside the typed one
    ApiResponse values =
        api.get(
            "/councils/" + council + "/audit?recordType=measure-value&measureId=" + measure, token);
    assertThat(values.json().get("total").asLong()).isEqualTo(3);
  }

  @Test
  void anotherCouncilCannotReadTheTrailAndABoardMemberCan() {
    String path = "/councils/" + council + "/audit";
    assertThat(api.get(path, bed.token(other, "COUNCIL_ADMIN")).status()).isEqualTo(404);
    assertThat(api.get(path, bed.token(council, "BOARD_MEMBER")).status()).isEqualTo(200);
    ApiResponse badPage = api.get(path + "?size=0", token);
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.body()).contains("size");
  }

  /** An action measures has heard of from the plans events, so a link may name it. */
  private UUID knownAction() {
    UUID action = UUID.randomUUID();
    String snapshot =
        ("{\"actionId\":\"%s\",\"ref\":\"1.1\",\"title\":\"Audit repeat plans\",\"leads\":[],"
                + "\"startDate\":\"2025-01-06\",\"dueDate\":\"2025-06-30\",\"ragStatus\":\"AMBER\","
                + "\"completedOn\":null,\"programmeId\":null,\"programmeManager\":null}")
            .formatted(action);
    TestKafka.shared()
        .publish(
            "plans.action.v1",
            action.toString(),
            TestCouncils.envelope(
                "ActionCreated",
                council,
                action.toString(),
                ("{\"actionId\":\"%s\",\"ref\":\"1.1\",\"title\":\"Audit repeat plans\","
                        + "\"leadName\":null,\"leadEmail\":null,\"dueDate\":\"2025-06-30\","
                        + "\"ragStatus\":\"AMBER\",\"action\":%s}")
                    .formatted(action, snapshot)));
    api.awaitGet(
        "/councils/" + council + "/measure-links?action=" + action,
        token,
        response -> response.status() == 200 && response.json().hasNonNull("record"),
        Duration.ofSeconds(30));
    return action;
  }

  private static String definitions(String suffix) {
    return DefinitionImport.TEMPLATE.replace(
        "Re-referrals within 12 months,", "Re-referrals within 12 months " + suffix + ",");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String measureJson(String name) {
    return ("{\"name\":\"%s\",\"definition\":\"Children becoming subject of a plan for a second"
            + " or later time\",\"unit\":\"PERCENT\",\"polarity\":\"LOWER_IS_BETTER\","
            + "\"frequency\":\"MONTHLY\",\"tolerance\":1,"
            + "\"targets\":[{\"from\":\"2025-01\",\"value\":14.4}]}")
        .formatted(name);
  }

  private static String created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }
}
