package org.improvementhub.plans.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.ACTION;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.RAG;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.REF;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.REVIEW;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.TIMESCALE;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.copyAfter;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.edited;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.row;
import static org.improvementhub.plans.documents.fixtures.DocumentEdits.set;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A council that keeps its Word plan up to date uploads the newer version against the programme the
 * first version became: the diff lists exactly what the newer version changes, applying it changes
 * the plan through the action service's paths with an audit entry per change naming the document,
 * an action the document dropped stays, and a programme changed since the diff refuses the apply.
 * Real PostgreSQL; Walsall's fixture document, edited with POI for the second version.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReuploadIT implements TestPropertyProvider {

  // Walsall's action table: Action No. | References to | Action | Timescale | Lead Person(s) |
  // Measures | Review note for this period | RAG (the rest of its columns: DocumentEdits)
  private static final int REFERENCES = 1;
  private static final int MEASURES = 5;

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String other = TestCouncils.uniqueSlug("peterborough");
  private final TestTokens tokens = TestTokens.shared();
  private final String token = tokens.councilUser(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall", 335);
    TestCouncils.provision(properties.database(), other, "Peterborough", 874);
    for (String slug : List.of(council, other)) {
      api.awaitGet(
          "/councils/" + slug + "/programmes",
          tokens.councilUser(slug, "PROGRAMME_MANAGER"),
          r -> r.status() == 200,
          Duration.ofSeconds(30));
    }
  }

  @Test
  void aNewerVersionOfTheDocumentShowsWhatChangedAndAppliesItWithAnAuditRecord()
      throws IOException {
    byte[] first = CouncilDocuments.of("walsall");
    String programme = confirmed(first);
    Map<String, JsonNode> before = actions(programme);

    // the same document again changes nothing
    JsonNode same = reupload(council, token, programme, first, "walsall.docx").json();
    JsonNode none = same.get("diff");
    assertThat(none.path("added")).as(none.toString()).isEmpty();
    assertThat(none.path("changed")).as(none.toString()).isEmpty();
    assertThat(none.path("removed")).as(none.toString()).isEmpty();
    assertThat(none.path("progress")).as(none.toString()).isEmpty();

    // version 2: 1.99 added, 1.2 retitled and due later, 1.3 with a new RAG and note, 1.4 and 1.5
    // gone (the council will keep 1.4 and withdraw 1.5)
    String retitled =
        "WSCB to review its governance, structure and subgroups against LSCB guidance";
    String ragBefore = before.get("1.3").get("ragStatus").asText();
    String ragLetter = "RED".equals(ragBefore) ? "A" : "R";
    String ragAfter = "RED".equals(ragBefore) ? "AMBER" : "RED";
    String note = "Audit arrangements reviewed in October; the new audit tool is late.";
    byte[] second =
        edited(
            first,
            "1.1",
            table -> {
              XWPFTableRow added = copyAfter(table, row(table, "1.1"));
              set(added.getCell(REF), "1.99");
              set(added.getCell(ACTION), "Publish the WSCB annual report on the council website");
              set(added.getCell(TIMESCALE), "30 Jun 2014");
              set(added.getCell(REVIEW), "");
              set(added.getCell(RAG), "G");
              set(row(table, "1.2").getCell(ACTION), retitled);
              set(row(table, "1.2").getCell(TIMESCALE), "31 Mar 2014");
              set(row(table, "1.3").getCell(REVIEW), note);
              set(row(table, "1.3").getCell(RAG), ragLetter);
              table.removeRow(table.getRows().indexOf(row(table, "1.4")));
              table.removeRow(table.getRows().indexOf(row(table, "1.5")));
            });

    ApiResponse uploaded = reupload(council, token, programme, second, "walsall-v2.docx");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    String id = uploaded.json().get("id").asText();
    JsonNode diff = uploaded.json().get("diff");
    assertThat(diff.get("programmeId").asText()).isEqualTo(programme);
    assertThat(refs(diff.get("added"))).containsExactly("1.99");
    assertThat(diff.get("added").get(0).get("parentRef").asText()).isEqualTo("1");
    assertThat(diff.get("added").get(0).get("dueDate").asText()).isEqualTo("2014-06-30");
    assertThat(refs(diff.get("changed"))).containsExactly("1.2");
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    diff.get("changed").get(0).get("fields").forEach(f -> fields.put(f.get("field").asText(), f));
    assertThat(fields).containsOnlyKeys("title", "dueDate");
    assertThat(fields.get("title").get("before").asText())
        .isEqualTo(before.get("1.2").get("title").asText());
    assertThat(fields.get("title").get("after").asText()).isEqualTo(retitled);
    assertThat(fields.get("title").get("original").asText()).isEqualTo(retitled);
    assertThat(fields.get("dueDate").get("before").asText())
        .isEqualTo(before.get("1.2").get("effectiveDueDate").asText());
    assertThat(fields.get("dueDate").get("after").asText()).isEqualTo("2014-03-31");
    assertThat(fields.get("dueDate").get("original").asText()).isEqualTo("31 Mar 2014");
    assertThat(refs(diff.get("removed"))).containsExactly("1.4", "1.5");
    assertThat(diff.get("removedKept").asText()).contains("stay in the plan");
    assertThat(refs(diff.get("progress"))).containsExactly("1.3");
    JsonNode report = diff.get("progress").get(0);
    assertThat(report.get("ragBefore").asText()).isEqualTo(ragBefore);
    assertThat(report.get("rag").asText()).isEqualTo(ragAfter);
    assertThat(report.get("note").asText()).isEqualTo(note);
    assertThat(report.get("original").asText()).isEqualTo(ragLetter);
    // nothing saved yet
    assertThat(actions(programme)).containsOnlyKeys(before.keySet());
    assertThat(actions(programme).get("1.2").get("title").asText())
        .isEqualTo(before.get("1.2").get("title").asText());

    // only an action the document dropped can be withdrawn; nothing applied when refused
    ApiResponse notDropped =
        api.post(base(council) + "/" + id + "/apply", token, "{\"withdraw\":[\"1.5\",\"1.1\"]}");
    assertThat(notDropped.status()).as(notDropped.body()).isEqualTo(400);
    assertThat(notDropped.body()).contains("withdraw[1]");
    assertThat(actions(programme)).containsOnlyKeys(before.keySet());
    assertThat(actions(programme).get("1.5").get("withdrawnOn")).isNull();

    ApiResponse applied =
        api.post(base(council) + "/" + id + "/apply", token, "{\"withdraw\":[\"1.5\"]}");
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    assertThat(applied.json().get("added").asInt()).isEqualTo(1);
    assertThat(applied.json().get("changed").asInt()).isEqualTo(1);
    assertThat(applied.json().get("progressReports").asInt()).isEqualTo(1);
    assertThat(texts(applied.json().get("kept"))).containsExactly("1.4");
    assertThat(texts(applied.json().get("withdrawn"))).containsExactly("1.5");

    Map<String, JsonNode> after = actions(programme);
    assertThat(after).containsKey("1.99").containsKey("1.4").hasSize(before.size() + 1);
    // 1.4 is kept as it was; 1.5 is still in the plan, withdrawn with the document named
    assertThat(after.get("1.4").get("withdrawnOn")).isNull();
    assertThat(after.get("1.5").get("withdrawnOn").asText()).isNotBlank();
    assertThat(after.get("1.5").get("withdrawnReason").asText())
        .isEqualTo("No longer in the plan document walsall-v2.docx");
    String withdrawn = after.get("1.5").get("id").asText();
    assertThat(
            TestKafka.shared().read("plans.action.v1", council, Duration.ofSeconds(10)).stream()
                .filter(e -> e.contains("\"type\":\"ActionWithdrawn\"") && e.contains(withdrawn)))
        .hasSize(1);
    JsonNode history =
        api.get("/councils/" + council + "/audit?recordType=action&recordId=" + withdrawn, token)
            .json();
    assertThat(history.get("items").findValuesAsText("change")).contains("WITHDRAWN");
    assertThat(after.get("1.99").get("ragStatus").asText()).isEqualTo("GREEN");
    assertThat(after.get("1.99").get("parentId").asText())
        .isEqualTo(before.get("1.1").get("parentId").asText());
    assertThat(after.get("1.2").get("title").asText()).isEqualTo(retitled);
    assertThat(after.get("1.2").get("effectiveDueDate").asText()).isEqualTo("2014-03-31");
    assertThat(after.get("1.3").get("ragStatus").asText()).isEqualTo(ragAfter);
    JsonNode reports =
        api.get(
                "/councils/"
                    + council
                    + "/actions/"
                    + after.get("1.3").get("id").asText()
                    + "/progress-reports",
                token)
            .json();
    JsonNode latest = reports.get(reports.size() - 1);
    assertThat(latest.get("note").asText()).isEqualTo(note);
    assertThat(latest.get("period").asText()).isEqualTo(diff.get("period").asText());
    JsonNode revisions =
        api.get(
                "/councils/"
                    + council
                    + "/actions/"
                    + after.get("1.2").get("id").asText()
                    + "/due-date-revisions",
                token)
            .json();
    assertThat(revisions.get(revisions.size() - 1).get("reason").asText())
        .contains("walsall-v2.docx");

    // one audit entry per change, naming the document
    JsonNode audit =
        api.get("/councils/" + council + "/audit?recordType=plan-document&recordId=" + id, token)
            .json();
    Map<String, String> changes = new LinkedHashMap<>();
    for (JsonNode entry : audit.get("items")) {
      // the upload and the apply are entries of their own; the rest is one per change
      if (!List.of("APPLIED", "UPLOADED").contains(entry.get("change").asText())) {
        JsonNode what = entry.get("after");
        assertThat(what.get("fileName").asText()).isEqualTo("walsall-v2.docx");
        assertThat(what.get("document").asText()).isEqualTo(id);
        changes.put(what.get("ref").asText(), entry.get("change").asText());
      }
    }
    assertThat(changes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "1.99", "ACTION_ADDED",
                "1.2", "ACTION_CHANGED",
                "1.3", "PROGRESS_REPORTED",
                "1.4", "ACTION_KEPT",
                "1.5", "ACTION_WITHDRAWN"));
    assertThat(api.get(base(council) + "/" + id, token).json().get("status").asText())
        .isEqualTo("APPLIED");

    // applied once only
    assertThat(api.post(base(council) + "/" + id + "/apply", token, "{}").status()).isEqualTo(409);
  }

  @Test
  void measuresDriversAndItemsAreComparedAndApplied() throws IOException {
    byte[] first = CouncilDocuments.of("walsall");
    String programme = confirmed(first);
    String measures = "Audit shows 90% of plans reviewed on time";
    String themeTitle = "Improving the quality of help for children in need";
    byte[] second =
        edited(
            first,
            "2.1",
            table -> {
              set(row(table, "2.1").getCell(MEASURES), measures);
              set(row(table, "2.1").getCell(REFERENCES), "OR 99");
            });
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(second));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph theme =
          document.getParagraphs().stream()
              // the run's own text: getText() shows the heading in its All Caps display
              .filter(
                  p ->
                      !p.getRuns().isEmpty()
                          && String.valueOf(p.getRuns().get(0).getText(0)).startsWith("Theme 2 - "))
              .findFirst()
              .orElseThrow();
      theme.getRuns().get(0).setText("Theme 2 - " + themeTitle, 0);
      document.write(out);
      second = out.toByteArray();
    }

    ApiResponse uploaded = reupload(council, token, programme, second, "walsall-v3.docx");
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    JsonNode diff = uploaded.json().get("diff");
    assertThat(refs(diff.get("changed"))).containsExactly("2.1");
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    diff.get("changed").get(0).get("fields").forEach(f -> fields.put(f.get("field").asText(), f));
    assertThat(fields).containsOnlyKeys("successCriteria", "drivers");
    assertThat(fields.get("successCriteria").get("after").asText()).isEqualTo(measures);
    assertThat(fields.get("drivers").get("after").asText()).isEqualTo("OR 99");
    assertThat(refs(diff.get("changedItems"))).containsExactly("2");
    JsonNode itemTitle = diff.get("changedItems").get(0).get("fields").get(0);
    assertThat(itemTitle.get("field").asText()).isEqualTo("title");
    assertThat(itemTitle.get("after").asText()).isEqualTo(themeTitle);
    assertThat(diff.path("addedItems")).isEmpty();
    assertThat(diff.path("removed")).isEmpty();

    String id = uploaded.json().get("id").asText();
    ApiResponse applied = api.post(base(council) + "/" + id + "/apply", token, "{}");
    assertThat(applied.status()).as(applied.body()).isEqualTo(200);
    JsonNode action = actions(programme).get("2.1");
    assertThat(action.get("successCriteria").asText()).isEqualTo(measures);
    JsonNode drivers = api.get("/councils/" + council + "/drivers", token).json();
    List<String> linked = new ArrayList<>();
    drivers.forEach(
        d ->
            d.get("actionIds")
                .forEach(
                    a -> {
                      if (a.asText().equals(action.get("id").asText())) {
                        linked.add(d.get("ref").asText());
                      }
                    }));
    assertThat(linked).containsExactly("OR 99");
    JsonNode items =
        api.get("/councils/" + council + "/programmes/" + programme + "/items", token).json();
    List<String> titles = new ArrayList<>();
    items.forEach(
        i -> {
          if (i.get("ref").asText().equals("2")) {
            titles.add(i.get("title").asText());
          }
        });
    assertThat(titles).containsExactly(themeTitle);
    // the same document again now agrees with the plan
    JsonNode again =
        reupload(council, token, programme, second, "walsall-v3.docx").json().get("diff");
    assertThat(again.path("changed")).as(again.toString()).isEmpty();
    assertThat(again.path("changedItems")).as(again.toString()).isEmpty();
  }

  @Test
  void aProgrammeChangedSinceTheDiffRefusesTheApply() throws IOException {
    byte[] first = CouncilDocuments.of("walsall");
    String programme = confirmed(first);
    byte[] second =
        edited(
            first, "2.1", table -> set(row(table, "2.1").getCell(ACTION), "A newer title for 2.1"));
    ApiResponse uploaded = reupload(council, token, programme, second, "walsall-v2.docx");
    String id = uploaded.json().get("id").asText();
    assertThat(refs(uploaded.json().get("diff").get("changed"))).containsExactly("2.1");

    String action = actions(programme).get("2.2").get("id").asText();
    ApiResponse edited =
        api.send(
            api.request("/councils/" + council + "/actions/" + action, token)
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Someone changed 2.2 in the meantime\"}")));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);

    ApiResponse refused = api.post(base(council) + "/" + id + "/apply", token, "{}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.isProblem()).isTrue();
    assertThat(actions(programme).get("2.1").get("title").asText())
        .isNotEqualTo("A newer title for 2.1");
    // a document for a programme is applied, not confirmed as a new one
    assertThat(api.post(base(council) + "/" + id + "/confirm", token, "{}").status())
        .isEqualTo(409);
  }

  @Test
  void anotherCouncilSeesNothingAndObserversCannotWrite() throws IOException {
    byte[] first = CouncilDocuments.of("walsall");
    String programme = confirmed(first);
    String id =
        reupload(council, token, programme, first, "walsall.docx").json().get("id").asText();
    String stranger = tokens.councilUser(other, "PROGRAMME_MANAGER");
    String observer = tokens.observer("*");

    assertThat(reupload(council, stranger, programme, first, "x.docx").status()).isEqualTo(404);
    assertThat(reupload(other, stranger, programme, first, "x.docx").status()).isEqualTo(404);
    assertThat(api.post(base(council) + "/" + id + "/apply", stranger, "{}").status())
        .isEqualTo(404);
    assertThat(api.post(base(other) + "/" + id + "/apply", stranger, "{}").status()).isEqualTo(404);

    assertThat(reupload(council, observer, programme, first, "x.docx").status()).isEqualTo(403);
    assertThat(api.post(base(council) + "/" + id + "/apply", observer, "{}").status())
        .isEqualTo(403);
    assertThat(api.get(base(council) + "/" + id, observer).status()).isEqualTo(200);
    // an unknown programme is a 404, not a proposal
    assertThat(
            reupload(council, token, "00000000-0000-0000-0000-000000000000", first, "x.docx")
                .status())
        .isEqualTo(404);
  }

  private String confirmed(byte[] document) {
    ApiResponse uploaded =
        api.send(
            api.request(base(council) + "?fileName=walsall.docx", token)
                .header("Content-Type", PlanDocumentController.DOCX)
                .POST(HttpRequest.BodyPublishers.ofByteArray(document)));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    ApiResponse confirmed =
        api.post(
            base(council) + "/" + uploaded.json().get("id").asText() + "/confirm",
            token,
            "{\"settings\":{\"name\":\"Walsall " + System.nanoTime() + "\"}}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
    return confirmed.json().get("programmeId").asText();
  }

  private ApiResponse reupload(
      String slug, String bearer, String programme, byte[] document, String fileName) {
    return api.send(
        api.request(
                "/councils/"
                    + slug
                    + "/programmes/"
                    + programme
                    + "/documents?fileName="
                    + fileName,
                bearer)
            .header("Content-Type", PlanDocumentController.DOCX)
            .POST(HttpRequest.BodyPublishers.ofByteArray(document)));
  }

  private Map<String, JsonNode> actions(String programme) {
    JsonNode page =
        api.get("/councils/" + council + "/actions?size=1000&programmeId=" + programme, token)
            .json();
    Map<String, JsonNode> byRef = new LinkedHashMap<>();
    page.forEach(a -> byRef.put(a.get("ref").asText(), a));
    return byRef;
  }

  private static List<String> texts(JsonNode list) {
    List<String> refs = new ArrayList<>();
    list.forEach(n -> refs.add(n.asText()));
    return refs;
  }

  private static List<String> refs(JsonNode list) {
    List<String> refs = new ArrayList<>();
    list.forEach(n -> refs.add(n.get("ref").asText()));
    return refs;
  }

  private static String base(String slug) {
    return "/councils/" + slug + "/programmes/documents";
  }
}
