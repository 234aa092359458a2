package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.AuthorisationMatrix;
import org.improvementhub.testsupport.matrix.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every write route of the plans service, taken from its router, performed once with a valid body:
 * each must leave an audit entry saying who (the token's subject), when, and what changed (the
 * record's state before or after). A route without an example here fails the test, so a new write
 * route cannot go unaudited unnoticed. Prints the routes it ran and what each left.
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

  /** A write to perform: the request, built when its turn comes (it may need earlier ids). */
  private record Example(HttpMethod method, String path, String contentType, byte[] body) {

    static Example json(HttpMethod method, String path, String json) {
      return new Example(method, path, JSON, json.getBytes(StandardCharsets.UTF_8));
    }
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
    Map<String, Supplier<Example>> examples = new LinkedHashMap<>();
    examples.put(
        "POST /councils/{council}/programmes " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/programmes",
                PlanRequests.programmeJson("Audit plan", null, "Priority", "Action")));
    examples.put(
        "PUT /councils/{council}/programmes/{id} " + JSON,
        () ->
            Example.json(
                HttpMethod.PUT,
                b + "/programmes/" + programme,
                PlanRequests.programmeJson("Renamed plan", null, "Priority", "Action")));
    examples.put(
        "POST /councils/{council}/programmes/{programme}/items " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/programmes/" + programme + "/items",
                "{\"parentId\":null,\"ref\":\"3\",\"title\":\"Early help\"}"));
    examples.put(
        "PATCH /councils/{council}/programmes/{programme}/items/{id} " + JSON,
        () ->
            Example.json(
                HttpMethod.PATCH,
                b + "/programmes/" + programme + "/items/" + item,
                "{\"owner\":\"Head of Safeguarding\"}"));
    examples.put(
        "PUT /councils/{council}/programmes/{programme}/items/{id}/placement " + JSON,
        () ->
            Example.json(
                HttpMethod.PUT,
                b + "/programmes/" + programme + "/items/" + spareItem + "/placement",
                "{\"parentId\":null,\"position\":0}"));
    examples.put(
        "DELETE /councils/{council}/programmes/{programme}/items/{id} " + JSON,
        () ->
            Example.json(
                HttpMethod.DELETE, b + "/programmes/" + programme + "/items/" + emptyItem, ""));
    examples.put(
        "POST /councils/{council}/actions " + JSON,
        () ->
            new Example(
                HttpMethod.POST,
                b + "/actions",
                JSON,
                actionJson(programme, item, "1.2").getBytes(StandardCharsets.UTF_8)));
    examples.put(
        "PATCH /councils/{council}/actions/{id} " + JSON,
        () -> Example.json(HttpMethod.PATCH, b + "/actions/" + action, "{\"title\":\"Audit\"}"));
    examples.put(
        "PUT /councils/{council}/actions/{id}/placement " + JSON,
        () ->
            Example.json(
                HttpMethod.PUT,
                b + "/actions/" + action + "/placement",
                "{\"parentId\":\"" + item + "\",\"position\":0}"));
    examples.put(
        "POST /councils/{council}/actions/{id}/progress-reports " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/progress-reports",
                "{\"period\":\"2011-12\",\"ragStatus\":\"AMBER\",\"note\":\"Behind\"}"));
    examples.put(
        "POST /councils/{council}/actions/{id}/due-date-revisions " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/due-date-revisions",
                "{\"dueDate\":\"2020-06-30\",\"reason\":\"Agreed by the Board\"}"));
    examples.put(
        "POST /councils/{council}/overdue-scans " + JSON,
        () -> Example.json(HttpMethod.POST, b + "/overdue-scans", ""));
    examples.put(
        "POST /councils/{council}/drivers " + JSON,
        () -> Example.json(HttpMethod.POST, b + "/drivers", driverJson("AUDIT 2")));
    examples.put(
        "PUT /councils/{council}/drivers/{id} " + JSON,
        () -> Example.json(HttpMethod.PUT, b + "/drivers/" + driver, driverJson("AUDIT 1")));
    examples.put(
        "PUT /councils/{council}/drivers/{id}/actions/{actionId} " + JSON,
        () -> Example.json(HttpMethod.PUT, b + "/drivers/" + driver + "/actions/" + action, ""));
    examples.put(
        "DELETE /councils/{council}/drivers/{id}/actions/{actionId} " + JSON,
        () -> Example.json(HttpMethod.DELETE, b + "/drivers/" + driver + "/actions/" + action, ""));
    examples.put(
        "POST /councils/{council}/risks " + JSON,
        () -> Example.json(HttpMethod.POST, b + "/risks", riskJson("R 2")));
    examples.put(
        "PUT /councils/{council}/risks/{id} " + JSON,
        () -> Example.json(HttpMethod.PUT, b + "/risks/" + risk, riskJson("R 1")));
    examples.put(
        "PUT /councils/{council}/risks/{id}/links/{targetId} " + JSON,
        () -> Example.json(HttpMethod.PUT, b + "/risks/" + risk + "/links/" + action, ""));
    examples.put(
        "DELETE /councils/{council}/risks/{id}/links/{targetId} " + JSON,
        () -> Example.json(HttpMethod.DELETE, b + "/risks/" + risk + "/links/" + action, ""));
    examples.put(
        "POST /councils/{council}/programmes/import " + PlanFiles.CSV,
        () ->
            new Example(
                HttpMethod.POST,
                b + "/programmes/import",
                PlanFiles.CSV,
                PlanFiles.peterborough().getBytes(StandardCharsets.UTF_8)));
    examples.put(
        "POST /councils/{council}/programmes/import multipart/form-data",
        () ->
            multipart(
                b + "/programmes/import",
                "plan.csv",
                PlanFiles.CSV,
                PlanFiles.peterborough()
                    .replace("Children's Services Improvement Plan", "From the form")
                    .getBytes(StandardCharsets.UTF_8)));
    examples.put(
        "POST /councils/{council}/programmes/documents " + DOCX,
        () ->
            new Example(
                HttpMethod.POST, b + "/programmes/documents?fileName=walsall.docx", DOCX, walsall));
    examples.put(
        "POST /councils/{council}/programmes/documents multipart/form-data",
        () -> multipart(b + "/programmes/documents", "walsall.docx", DOCX, walsall));
    examples.put(
        "PUT /councils/{council}/programmes/documents/{id}/mapping " + JSON,
        () ->
            Example.json(
                HttpMethod.PUT,
                b + "/programmes/documents/" + ids.get("proposal") + "/mapping",
                "{\"columns\":[{\"header\":\"Measures\",\"role\":\"IGNORED\"}]}"));
    examples.put(
        "PUT /councils/{council}/programmes/documents/{id}/duplicates " + JSON,
        () -> {
          // Peterborough's plan uses 1.2.1 twice: a proposal of its own with a duplicate to settle
          String proposal =
              send(new Example(
                      HttpMethod.POST,
                      b + "/programmes/documents?fileName=peterborough.docx",
                      DOCX,
                      CouncilDocuments.of("peterborough")))
                  .json()
                  .get("id")
                  .asText();
          return Example.json(
              HttpMethod.PUT,
              b + "/programmes/documents/" + proposal + "/duplicates",
              "{\"choices\":[{\"ref\":\"1.2.1-2\",\"resolution\":\"RENUMBER\"}]}");
        });
    examples.put(
        "POST /councils/{council}/programmes/documents/{id}/confirm " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/programmes/documents/" + ids.get("proposal") + "/confirm",
                "{\"settings\":{\"name\":\"Walsall from Word\"}}"));
    examples.put(
        "POST /councils/{council}/programmes/{programme}/documents " + DOCX,
        () ->
            new Example(
                HttpMethod.POST,
                b + "/programmes/" + ids.get("programmeFromWord") + "/documents?fileName=w2.docx",
                DOCX,
                walsall));
    examples.put(
        "POST /councils/{council}/programmes/documents/{id}/apply " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/programmes/documents/" + ids.get("reupload") + "/apply",
                "{}"));
    // last: a withdrawn action takes no further writes
    examples.put(
        "POST /councils/{council}/actions/{id}/withdrawal " + JSON,
        () ->
            Example.json(
                HttpMethod.POST,
                b + "/actions/" + action + "/withdrawal",
                "{\"reason\":\"Merged into 1.2\"}"));

    List<Route> writes =
        AuthorisationMatrix.of(server.getApplicationContext()).routes().stream()
            .filter(route -> route.method() != HttpMethod.GET)
            .toList();
    List<String> withoutExample =
        writes.stream()
            .map(PlansAuditCompletenessIT::key)
            .filter(k -> !examples.containsKey(k))
            .toList();
    assertThat(withoutExample)
        .as("write routes without an example in this test: add one, so each is audited")
        .isEmpty();

    List<String> unaudited = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, Supplier<Example>> entry : examples.entrySet()) {
      // the example may write to set itself up: only what its own request leaves counts
      Example example = entry.getValue().get();
      long before = total();
      ApiResponse answer = send(example);
      assertThat(answer.status()).as(entry.getKey() + ": " + answer.body()).isBetween(200, 299);
      remember(entry.getKey(), answer, ids);
      JsonNode newest = plans.get(b + "/audit?size=1").json();
      long after = newest.get("total").asLong();
      JsonNode entryLeft = newest.get("items").path(0);
      boolean audited =
          after > before
              && actor.equals(entryLeft.path("actor").asText())
              && !entryLeft.path("occurredAt").asText().isBlank()
              && !entryLeft.path("recordType").asText().isBlank()
              && (hasValue(entryLeft.get("before")) || hasValue(entryLeft.get("after")));
      report.append(
          String.format(
              "%-95s %d -> %s%n",
              entry.getKey(),
              answer.status(),
              audited
                  ? (after - before)
                      + " entries, newest "
                      + entryLeft.path("recordType").asText()
                      + " "
                      + entryLeft.path("change").asText()
                  : "NO AUDIT ENTRY"));
      if (!audited) {
        unaudited.add(entry.getKey());
      }
    }
    System.out.printf(
        "Plans audit completeness: %d write routes, %d audited, %d not%n%s",
        examples.size(), examples.size() - unaudited.size(), unaudited.size(), report);
    assertThat(unaudited).as("writes that left no audit entry").isEmpty();
  }

  private static String key(Route route) {
    return route.method() + " " + route.template() + " " + route.body();
  }

  private static boolean hasValue(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private void remember(String route, ApiResponse answer, Map<String, String> ids) {
    if (route.startsWith("POST /councils/{council}/programmes/documents " + DOCX)) {
      ids.put("proposal", answer.json().get("id").asText());
    } else if (route.startsWith("POST /councils/{council}/programmes/documents/{id}/confirm")) {
      ids.put("programmeFromWord", answer.json().get("programmeId").asText());
    } else if (route.startsWith("POST /councils/{council}/programmes/{programme}/documents")) {
      ids.put("reupload", answer.json().get("id").asText());
    }
  }

  private long total() {
    return plans.get(plans.base() + "/audit?size=1").json().get("total").asLong();
  }

  private ApiResponse send(Example example) {
    HttpRequest.Builder request = api.request(example.path(), token);
    if (example.body().length > 0 || example.method() != HttpMethod.DELETE) {
      request.header("Content-Type", example.contentType());
    }
    return api.send(
        request.method(
            example.method().name(), HttpRequest.BodyPublishers.ofByteArray(example.body())));
  }

  private static Example multipart(String path, String fileName, String type, byte[] content) {
    String boundary = "audit-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Example(
        HttpMethod.POST, path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
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
