package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages for onboarding from a Word plan against a stand-in plans API: the preview shows counts,
 * the tree with actions under their items, every flag with where it came from, and the mapping as a
 * form with the reasons as hints; re-mapping sends one column per header; confirming goes to the
 * plan with a banner; the API's refusals show in the error summary; observers get no form and
 * cannot post.
 */
@MicronautTest
class WordPlanPagesTest extends AgainstStandInServices {

  private static final String DOC = "77777777-7777-7777-7777-777777777777";
  private static final String API = "/councils/walsall/programmes/documents/" + DOC;
  private static final String PAGE = "/councils/walsall/plan-documents/" + DOC;

  private static final String PROPOSAL =
      """
      {"id":"%s","fileName":"walsall-plan.docx","status":"PROPOSED","title":"Improvement plan",
       "levelNames":["Theme","Action"],"countsPerLevel":{"Theme":1,"Action":2},
       "programme":{},
       "items":[{"ref":"1","level":1,"levelName":"Theme","title":"Early help","owner":"Jo Bloggs",
                 "origin":{"table":0,"row":4,"column":0,"header":""}}],
       "actions":[
         {"ref":"9.1","parentRef":"9","title":"An action under no item","leads":[],
          "timescaleText":"ongoing","origin":{"table":2,"row":7,"column":0,"header":""}},
         {"ref":"1.1","parentRef":"1","title":"Review the front door",
          "leads":["Ann Smith","Bob Jones"],"due":"2013-03-31","rag":"RED",
          "origin":{"table":2,"row":3,"column":0,"header":""}}],
       "drivers":[],
       "mapping":[
         {"table":2,"column":4,"header":"Timescale","role":"DUE","reason":"the header says \\"timescale\\""},
         {"table":2,"column":8,"header":"RAG","role":"STATUS","reason":"the header says \\"rag\\""},
         {"table":3,"column":4,"header":"Timescale","role":"DUE","reason":"the header says \\"timescale\\""}],
       "legend":{},
       "flags":[
         {"kind":"GUESSED","ref":"1.1","field":"due","original":"Mar 2013 & ongoing",
          "origin":{"table":2,"row":3,"column":4,"header":"Timescale"},"message":"read as due Mar 2013"},
         {"kind":"UNREADABLE","ref":"9.1","field":"rag","original":"see note",
          "origin":{"table":2,"row":7,"column":8,"header":"RAG"},"message":"not a RAG: left unset"}]}
      """
          .formatted(DOC);

  @BeforeEach
  void walsallHasAProposal() {
    fake.forgetCalls();
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/programmes", 200, "[]")
        .on("GET", API, 200, PROPOSAL)
        .on("PUT", API + "/mapping", 200, PROPOSAL)
        .on("POST", API + "/confirm", 201, "{\"programmeId\":\"" + DOC + "\",\"actions\":2}");
  }

  @Test
  void thePreviewShowsCountsTreeFlagsWithWhereAndTheMappingWithReasons() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    String page = manager.get(PAGE).body();

    assertThat(page).contains("data-level=\"Theme\">1<", "data-level=\"Action\">2<");
    assertThat(page).contains("id=\"flag-count\">2<");
    // the action under item 1 follows it; the one whose parent is no item comes last
    assertThat(page.indexOf("Early help"))
        .isLessThan(page.indexOf("Review the front door"))
        .isLessThan(page.indexOf("An action under no item"));
    assertThat(page).contains("Ann Smith, Bob Jones", "2013-03-31", "ongoing");
    // flags grouped by kind, unreadable first, each with table, row and column
    assertThat(page.indexOf("id=\"flags-unreadable\""))
        .isPositive()
        .isLessThan(page.indexOf("id=\"flags-guessed\""));
    assertThat(page)
        .contains("table 2, row 7, column &quot;RAG&quot;", "see note", "not a RAG: left unset");
    // one select per header (Timescale is in two tables), with the reason as its hint
    assertThat(page).contains("name=\"header-0\" value=\"Timescale\"");
    assertThat(page).contains("name=\"header-1\" value=\"RAG\"");
    assertThat(page).doesNotContain("name=\"header-2\"");
    assertThat(page).contains("the header says &quot;timescale&quot;", "(tables 2, 3)");
    assertThat(page).contains("<option value=\"STATUS\" selected=\"selected\">RAG or status");
    assertThat(page).contains("Nothing is saved until you confirm");
    assertThat(page).contains(PAGE + "/template");
  }

  @Test
  void remappingSendsEveryHeaderAndConfirmingShowsThePlanWithABanner() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    HttpResponse<String> remapped =
        manager.post(
            PAGE + "/mapping",
            Map.of(
                "header-0", "Timescale", "role-0", "DUE", "header-1", "RAG", "role-1", "IGNORED"));
    assertThat(remapped.statusCode()).isEqualTo(303);
    assertThat(remapped.headers().firstValue("Location").orElse("")).contains("remapped=yes");
    List<FakeServices.Call> puts = fake.calls("PUT", API + "/mapping");
    assertThat(puts).hasSize(1);
    assertThat(puts.get(0).body())
        // one object for the RAG header, whatever order its two fields are written in
        .containsPattern(
            "\\{(\"header\":\"RAG\",\"role\":\"IGNORED\"|\"role\":\"IGNORED\",\"header\":\"RAG\")\\}")
        .contains("\"Timescale\"");
    assertThat(manager.get(PAGE + "?remapped=yes").body())
        .contains("The document was read again with your columns");

    HttpResponse<String> confirmed = manager.post(PAGE + "/confirm", Map.of());
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(confirmed.headers().firstValue("Location").orElse(""))
        .isEqualTo("/councils/walsall/plan?imported=2");
    assertThat(fake.calls("POST", API + "/confirm")).hasSize(1);
  }

  @Test
  void theApisRefusalsShowInTheErrorSummary() {
    fake.on(
        "POST",
        API + "/confirm",
        409,
        "{\"status\":409,\"detail\":\"This document has already been imported\"}");
    fake.on(
        "PUT",
        API + "/mapping",
        400,
        "{\"status\":400,\"detail\":\"bad\",\"errors\":[{\"field\":\"columns[0].header\","
            + "\"message\":\"no column of the document has this header\"}]}");
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> again = manager.post(PAGE + "/confirm", Map.of());
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body())
        .contains("<a href=\"#confirm\">This document has already been imported</a>");
    assertThat(again.body()).contains("<title>Error: ");

    HttpResponse<String> stale =
        manager.post(PAGE + "/mapping", Map.of("header-0", "Gone", "role-0", "DUE"));
    assertThat(stale.statusCode()).isEqualTo(422);
    assertThat(stale.body())
        .contains("columns[0].header: no column of the document has this header");
  }

  @Test
  void observersSeeTheProposalWithoutFormsAndCannotPost() {
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");
    String page = observer.get(PAGE).body();
    assertThat(page).contains("Review the front door", "id=\"mapping-table\"");
    assertThat(page).doesNotContain("id=\"confirm\"", "id=\"remap\"");
    assertThat(observer.get("/councils/walsall/plan-documents").body())
        .contains("id=\"no-upload\"")
        .doesNotContain("id=\"file\"");
    assertThat(observer.post(PAGE + "/confirm", Map.of()).statusCode()).isEqualTo(403);
    assertThat(observer.post(PAGE + "/mapping", Map.of("header-0", "RAG")).statusCode())
        .isEqualTo(403);
    assertThat(fake.calls("POST", API)).isEmpty();
    assertThat(fake.calls("PUT", API)).isEmpty();
  }

  @Test
  void anotherCouncilsDocumentIsNotFound() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    HttpResponse<String> other =
        manager.get("/councils/peterborough/plan-documents/" + DOC.replace('7', '8'));
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(manager.get("/councils/walsall/plan-documents/not-a-uuid").statusCode())
        .isEqualTo(404);
  }
}
