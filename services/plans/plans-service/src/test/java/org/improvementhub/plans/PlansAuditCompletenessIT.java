package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.audit.AuditCompleteness;
import org.improvementhub.testsupport.audit.AuditCompletenessResult;
import org.improvementhub.testsupport.audit.AuditTrailPage;
import org.improvementhub.testsupport.audit.AuditedWrite;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every write route of the plans service, taken from its router, performed once with a valid body:
 * each must leave an audit entry saying who (the token's subject), when, and what changed (the
 * record's state before or after). A route without an example here fails the test ("no example for
 * …"), so a new write route cannot go unaudited unnoticed. Prints the routes it ran and what each
 * left. The harness is test-support's {@link AuditCompleteness}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansAuditCompletenessIT implements TestPropertyProvider {

  private static final String JSON = "application/json";
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  private final String actor = "user@" + council + ".example";

  @Inject EmbeddedServer server;
  private HubApi api;
  private PlanRequests plans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/audit");
    plans = new PlanRequests(api, council, token);
  }

  @Test
  void everyWriteRouteLeavesAnAuditEntryWithWhoWhenAndWhatChanged() {
    String b = plans.base();
    String programme = plans.programmeId("Priority", "Action");
    String item = plans.itemId(programme, null, "1", "Help and protection");
    String spareItem = plans.itemId(programme, null, "2", "Children in care");
    String emptyItem = plans.itemId(programme, null, "9", "To be removed");
    String action = plans.actionId(programme, item, "1.1", LocalDate.of(2020, 3, 31), "GREY");
    String driver = created(plans.post(b + "/drivers", driverJson("AUDIT 1")));
    String risk = created(plans.post(b + "/risks", riskJson("R 1")));
    byte[] walsall = CouncilDocuments.of("walsall");
    Map<String, String> ids = new LinkedHashMap<>();

    // in the order they run: later examples use what earlier ones made
    AuditCompleteness examples = AuditCompleteness.of(server.getApplicationContext(), "Plans");
    examples.example(
        "POST /councils/{council}/programmes " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/programmes",
                PlanRequests.programmeJson("Audit plan", null, "Priority", "Action")));
    examples.example(
        "PUT /councils/{council}/programmes/{id} " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.PUT,
                b + "/programmes/" + programme,
                PlanRequests.programmeJson("Renamed plan", null, "Priority", "Action")));
    examples.example(
        "POST /councils/{council}/programmes/{programme}/items " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/programmes/" + programme + "/items",
                "{\"parentId\":null,\"ref\":\"3\",\"title\":\"Early help\"}"));
    examples.example(
        "PATCH /councils/{council}/programmes/{programme}/items/{id} " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.PATCH,
                b + "/programmes/" + programme + "/items/" + item,
                "{\"owner\":\"Head of Safeguarding\"}"));
    examples.example(
        "PUT /councils/{council}/programmes/{programme}/items/{id}/placement " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.PUT,
                b + "/programmes/" + programme + "/items/" + spareItem + "/placement",
                "{\"parentId\":null,\"position\":0}"));
    examples.example(
        "DELETE /councils/{council}/programmes/{programme}/items/{id} " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.DELETE, b + "/programmes/" + programme + "/items/" + emptyItem, ""));
    examples.example(
        "POST /councils/{council}/actions " + JSON,
        () ->
            AuditedWrite.of(
                HttpMethod.POST,
                b + "/actions",
                JSON,
                actionJson(programme, item, "1.2").getBytes(StandardCharsets.UTF_8)));
    examples.example(
        "PATCH /councils/{council}/actions/{id} " + JSON,
        () ->
            AuditedWrite.json(HttpMethod.PATCH, b + "/actions/" + action, "{\"title\":\"Audit\"}"));
    examples.example(
        "PUT /councils/{council}/actions/{id}/placement " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.PUT,
                b + "/actions/" + action + "/placement",
                "{\"parentId\":\"" + item + "\",\"position\":0}"));
    examples.example(
        "POST /councils/{council}/actions/{id}/progress-reports " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/progress-reports",
                "{\"period\":\"2011-12\",\"ragStatus\":\"AMBER\",\"note\":\"Behind\"}"));
    examples.example(
        "POST /councils/{council}/actions/{id}/due-date-revisions " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/due-date-revisions",
                "{\"dueDate\":\"2020-06-30\",\"reason\":\"Agreed by the Board\"}"));
    examples.example(
        "POST /councils/{council}/overdue-scans " + JSON,
        () -> AuditedWrite.json(HttpMethod.POST, b + "/overdue-scans", ""));
    examples.example(
        "POST /councils/{council}/drivers " + JSON,
        () -> AuditedWrite.json(HttpMethod.POST, b + "/drivers", driverJson("AUDIT 2")));
    examples.example(
        "PUT /councils/{council}/drivers/{id} " + JSON,
        () -> AuditedWrite.json(HttpMethod.PUT, b + "/drivers/" + driver, driverJson("AUDIT 1")));
    examples.example(
        "PUT /councils/{council}/drivers/{id}/actions/{actionId} " + JSON,
        () ->
            AuditedWrite.json(HttpMethod.PUT, b + "/drivers/" + driver + "/actions/" + action, ""));
    examples.example(
        "DELETE /councils/{council}/drivers/{id}/actions/{actionId} " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.DELETE, b + "/drivers/" + driver + "/actions/" + action, ""));
    examples.example(
        "POST /councils/{council}/risks " + JSON,
        () -> AuditedWrite.json(HttpMethod.POST, b + "/risks", riskJson("R 2")));
    examples.example(
        "PUT /councils/{council}/risks/{id} " + JSON,
        () -> AuditedWrite.json(HttpMethod.PUT, b + "/risks/" + risk, riskJson("R 1")));
    examples.example(
        "PUT /councils/{council}/risks/{id}/links/{targetId} " + JSON,
        () -> AuditedWrite.json(HttpMethod.PUT, b + "/risks/" + risk + "/links/" + action, ""));
    examples.example(
        "DELETE /councils/{council}/risks/{id}/links/{targetId} " + JSON,
        () -> AuditedWrite.json(HttpMethod.DELETE, b + "/risks/" + risk + "/links/" + action, ""));
    examples.example(
        "POST /councils/{council}/programmes/import " + PlanFiles.CSV,
        () ->
            AuditedWrite.of(
                HttpMethod.POST,
                b + "/programmes/import",
                PlanFiles.CSV,
                PlanFiles.peterborough().getBytes(StandardCharsets.UTF_8)));
    examples.example(
        "POST /councils/{council}/programmes/import multipart/form-data",
        () ->
            AuditedWrite.multipart(
                b + "/programmes/import",
                "plan.csv",
                PlanFiles.CSV,
                PlanFiles.peterborough()
                    .replace("Children's Services Improvement Plan", "From the form")
                    .getBytes(StandardCharsets.UTF_8)));
    examples.example(
        "POST /councils/{council}/programmes/documents " + DOCX,
        () ->
            AuditedWrite.of(
                HttpMethod.POST, b + "/programmes/documents?fileName=walsall.docx", DOCX, walsall),
        answer -> ids.put("proposal", answer.json().get("id").asText()));
    examples.example(
        "POST /councils/{council}/programmes/documents multipart/form-data",
        () -> AuditedWrite.multipart(b + "/programmes/documents", "walsall.docx", DOCX, walsall));
    examples.example(
        "PUT /councils/{council}/programmes/documents/{id}/mapping " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.PUT,
                b + "/programmes/documents/" + ids.get("proposal") + "/mapping",
                "{\"columns\":[{\"header\":\"Measures\",\"role\":\"IGNORED\"}]}"));
    examples.example(
        "PUT /councils/{council}/programmes/documents/{id}/duplicates " + JSON,
        () -> {
          // Peterborough's plan uses 1.2.1 twice: a proposal of its own with a duplicate to settle
          String proposal =
              api.send(
                      api.request(b + "/programmes/documents?fileName=peterborough.docx", token)
                          .header("Content-Type", DOCX)
                          .POST(
                              HttpRequest.BodyPublishers.ofByteArray(
                                  CouncilDocuments.of("peterborough"))))
                  .json()
                  .get("id")
                  .asText();
          return AuditedWrite.json(
              HttpMethod.PUT,
              b + "/programmes/documents/" + proposal + "/duplicates",
              "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"RENUMBER\"}]}");
        });
    examples.example(
        "POST /councils/{council}/programmes/documents/{id}/confirm " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/programmes/documents/" + ids.get("proposal") + "/confirm",
                "{\"settings\":{\"name\":\"Walsall from Word\"}}"),
        answer -> ids.put("programmeFromWord", answer.json().get("programmeId").asText()));
    examples.example(
        "POST /councils/{council}/programmes/{programme}/documents " + DOCX,
        () ->
            AuditedWrite.of(
                HttpMethod.POST,
                b + "/programmes/" + ids.get("programmeFromWord") + "/documents?fileName=w2.docx",
                DOCX,
                walsall),
        answer -> ids.put("reupload", answer.json().get("id").asText()));
    examples.example(
        "POST /councils/{council}/programmes/documents/{id}/apply " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/programmes/documents/" + ids.get("reupload") + "/apply",
                "{}"));
    // last: a withdrawn action takes no further writes
    examples.example(
        "POST /councils/{council}/actions/{id}/withdrawal " + JSON,
        () ->
            AuditedWrite.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/withdrawal",
                "{\"reason\":\"Merged into 1.2\"}"));

    AuditCompletenessResult result =
        examples.run(api, token, actor, AuditTrailPage.at(api, b + "/audit", token));
    System.out.print(result.table());
    assertThat(result.rows()).hasSize(30);
    assertThat(result.unaudited()).as("writes that left no complete audit entry").isEmpty();
  }

  private static String created(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private static String driverJson(String ref) {
    return "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\""
        + ref
        + "\",\"text\":\"Improve audits\",\"timeframe\":\"IMMEDIATELY\"}";
  }

  private static String riskJson(String ref) {
    return ("{\"kind\":\"RISK\",\"ref\":\"%s\",\"description\":\"Vacancies stay high\","
            + "\"likelihood\":3,\"impact\":4,\"owner\":\"Head of Workforce\","
            + "\"mitigations\":\"Recruitment\",\"reviewDate\":\"2010-01-31\"}")
        .formatted(ref);
  }

  private static String actionJson(String programme, String parent, String ref) {
    return ("{\"ref\":\"%s\",\"title\":\"Action %s\",\"leads\":[{\"name\":\"Lee Lead\","
            + "\"email\":\"lee@example.org\",\"role\":\"Head of Service\"}],\"programmeId\":\"%s\","
            + "\"parentId\":\"%s\",\"startDate\":\"2011-10-01\",\"dueDate\":\"2020-03-31\","
            + "\"ragStatus\":\"GREY\"}")
        .formatted(ref, ref, programme, parent);
  }
}
