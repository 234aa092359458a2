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
       "programme":{"name":"Improvement plan","trigger_kind":"OTHER","level_names":"Theme; Action"},
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

  private static final String NEWER = "66666666-6666-6666-6666-666666666666";
  private static final String PROGRAMME = "55555555-5555-5555-5555-555555555555";
  private static final String NEWER_API = "/councils/walsall/programmes/documents/" + NEWER;
  private static final String NEWER_PAGE = "/councils/walsall/plan-documents/" + NEWER;

  /** A newer version of the document, compared with the programme the first one became. */
  private static final String REUPLOAD =
      """
      {"id":"%s","fileName":"walsall-v2.docx","status":"%s","programmeId":"%s","title":"Plan",
       "levelNames":["Theme","Action"],"countsPerLevel":{"Theme":1,"Action":2},"items":[],
       "actions":[],"drivers":[],"mapping":[],"legend":{},"flags":[],
       "diff":{"programmeId":"%s","basis":"abc","period":"2026-11",
         "added":[{"ref":"1.99","parentRef":"1","title":"Publish the annual report",
                   "dueDate":"2014-06-30","leads":["Ann Smith <ann.smith@walsall.invalid>"],
                   "rag":"GREEN","origin":{"table":2,"row":4,"column":0,"header":""}}],
         "changed":[{"ref":"1.2","actionId":"%s","origin":{"table":2,"row":5,"column":0,"header":""},
                     "fields":[{"field":"title","before":"Old words","after":"New words",
                                "original":"New words"},
                               {"field":"dueDate","before":"2013-03-31","after":"2014-03-31",
                                "original":"31 Mar 2014"}]}],
         "removed":[{"ref":"1.4","actionId":"%s","title":"Review the front door"},
                    {"ref":"1.5","actionId":"%s","title":"Audit the files"}],
         "progress":[{"ref":"1.3","actionId":"%s","period":"2026-11","ragBefore":"GREEN",
                      "rag":"RED","note":"The audit tool is late","original":"R",
                      "origin":{"table":2,"row":6,"column":8,"header":"RAG"}}],
         "removedKept":"kept"}}
      """;

  @BeforeEach
  void walsallHasAProposal() {
    fake.forgetCalls();
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/programmes", 200, "[]")
        .on("GET", API, 200, PROPOSAL)
        .on("PUT", API + "/mapping", 200, PROPOSAL)
        .on("POST", API + "/confirm", 201, "{\"programmeId\":\"" + DOC + "\",\"actions\":2}")
        .on("GET", NEWER_API, 200, reupload("PROPOSED"))
        .on("GET", "/councils/walsall/programmes/" + PROGRAMME, 200, "{\"name\":\"Walsall plan\"}")
        .on(
            "POST",
            NEWER_API + "/apply",
            200,
            "{\"programmeId\":\""
                + PROGRAMME
                + "\",\"added\":1,\"changed\":1,"
                + "\"progressReports\":1,\"kept\":[\"1.5\"],\"withdrawn\":[\"1.4\"]}");
  }

  private static String reupload(String status) {
    return REUPLOAD.formatted(
        NEWER,
        status,
        PROGRAMME,
        PROGRAMME,
        DOC,
        DOC.replace('7', '1'),
        DOC.replace('7', '2'),
        DOC.replace('7', '3'));
  }

  @Test
  void aNewerVersionShowsNewChangedDroppedActionsAndProgressReports() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    String page = manager.get(NEWER_PAGE).body();
    assertThat(page).contains("<title>Check what the newer document changes");
    assertThat(page).contains("walsall-v2.docx", "Walsall plan");
    assertThat(page)
        .contains(
            "id=\"count-added\">1<",
            "id=\"count-changed\">1<",
            "id=\"count-removed\">2<",
            "id=\"count-progress\">1<");
    // new: ref, title, the lead's name without the made-up email, due, RAG, where
    assertThat(page).contains("Publish the annual report", "Ann Smith", "2014-06-30");
    assertThat(page).doesNotContain("ann.smith@walsall.invalid");
    assertThat(page).contains("table 2, row 4");
    // changed: one row per field, with the plan's value, the document's and the cell as written
    assertThat(page).contains("Old words", "New words", "Due date", "2013-03-31", "31 Mar 2014");
    // progress: RAG before and after as tags, the note and the cell's own text
    assertThat(page).contains("The audit tool is late");
    assertThat(page.substring(page.indexOf("id=\"progress\"")))
        .contains("govuk-tag--green\">Green<", "govuk-tag--red\">Red<");
    // each dropped action offers keep (the default) or withdraw
    assertThat(page)
        .contains(
            "name=\"ref-0\" value=\"1.4\"",
            "name=\"ref-1\" value=\"1.5\"",
            "id=\"removed-0-withdraw\"",
            "id=\"apply\"");
    assertThat(page).doesNotContain("id=\"confirm\"", "id=\"mapping-form\"");
  }

  @Test
  void applyingNeedsTheCheckAndSendsTheWithdrawals() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    HttpResponse<String> unchecked =
        manager.post(
            NEWER_PAGE + "/apply",
            Map.of("ref-0", "1.4", "removed-0", "WITHDRAW", "ref-1", "1.5", "removed-1", "KEEP"));
    assertThat(unchecked.statusCode()).isEqualTo(422);
    assertThat(unchecked.body()).contains("<title>Error: ");
    assertThat(unchecked.body())
        .contains("<a href=\"#checked\">Confirm that you have checked the changes</a>");
    // the choice made is still chosen
    assertThat(unchecked.body()).containsPattern("id=\"removed-0-withdraw\"[^>]*checked");
    assertThat(fake.calls("POST", NEWER_API + "/apply")).isEmpty();

    HttpResponse<String> noChoice =
        manager.post(NEWER_PAGE + "/apply", Map.of("ref-0", "1.4", "checked", "yes"));
    assertThat(noChoice.statusCode()).isEqualTo(422);
    assertThat(noChoice.body())
        .contains("<a href=\"#removed-0\">Select whether to keep or withdraw");
    assertThat(fake.calls("POST", NEWER_API + "/apply")).isEmpty();

    HttpResponse<String> applied =
        manager.post(
            NEWER_PAGE + "/apply",
            Map.of(
                "ref-0",
                "1.4",
                "removed-0",
                "WITHDRAW",
                "ref-1",
                "1.5",
                "removed-1",
                "KEEP",
                "reason",
                "Merged into 1.2",
                "checked",
                "yes"));
    assertThat(applied.statusCode()).isEqualTo(303);
    assertThat(applied.headers().firstValue("Location").orElse(""))
        .isEqualTo(NEWER_PAGE + "?applied=yes");
    List<FakeServices.Call> sent = fake.calls("POST", NEWER_API + "/apply");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).body())
        .contains("\"withdraw\":[\"1.4\"]", "\"reason\":\"Merged into 1.2\"");

    fake.on("GET", NEWER_API, 200, reupload("APPLIED"));
    String after = manager.get(NEWER_PAGE + "?applied=yes").body();
    assertThat(after).contains("The changes were applied to the plan", "id=\"applied\"");
    assertThat(after).doesNotContain("id=\"apply\"");
  }

  @Test
  void aProgrammeChangedSinceShowsTheRefusalAndObserversCannotApply() {
    fake.on(
        "POST",
        NEWER_API + "/apply",
        409,
        "{\"status\":409,\"detail\":\"The programme has changed since this document was"
            + " compared with it: upload it again\"}");
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    HttpResponse<String> refused =
        manager.post(
            NEWER_PAGE + "/apply",
            Map.of(
                "ref-0",
                "1.4",
                "removed-0",
                "KEEP",
                "ref-1",
                "1.5",
                "removed-1",
                "KEEP",
                "checked",
                "yes"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("<a href=\"#apply\">The programme has changed since");

    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");
    String page = observer.get(NEWER_PAGE).body();
    assertThat(page).contains("Publish the annual report", "id=\"removed-table\"");
    assertThat(page).doesNotContain("id=\"apply\"");
    fake.forgetCalls();
    assertThat(observer.post(NEWER_PAGE + "/apply", Map.of("checked", "yes")).statusCode())
        .isEqualTo(403);
    assertThat(fake.calls("POST", NEWER_API)).isEmpty();
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

    // the proposed settings are in the form; an inspection needs its date
    String preview = manager.get(PAGE).body();
    assertThat(preview)
        .contains("id=\"name\" name=\"name\" value=\"Improvement plan\"")
        .contains("value=\"Theme; Action\"");
    HttpResponse<String> undated =
        manager.post(
            PAGE + "/confirm",
            Map.of(
                "name", "", "trigger-kind", "OFSTED_INSPECTION", "level-names", "Theme; Action"));
    assertThat(undated.statusCode()).isEqualTo(422);
    assertThat(undated.body())
        .contains("<a href=\"#name\">Enter the programme&#39;s name</a>")
        .contains("<a href=\"#trigger-date-day\">Enter the date of the inspection or notice</a>");
    assertThat(fake.calls("POST", API + "/confirm")).isEmpty();

    HttpResponse<String> confirmed =
        manager.post(
            PAGE + "/confirm",
            Map.of(
                "name", "Walsall improvement programme",
                "trigger-kind", "OFSTED_INSPECTION",
                "trigger-date-day", "16",
                "trigger-date-month", "1",
                "trigger-date-year", "2012",
                "improvement-board", "Walsall Improvement Board",
                "level-names", "Priority ; Action"));
    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(confirmed.headers().firstValue("Location").orElse(""))
        .isEqualTo("/councils/walsall/plan?imported=2");
    assertThat(fake.calls("POST", API + "/confirm"))
        .singleElement()
        .satisfies(
            call ->
                assertThat(call.body())
                    .contains(
                        "\"name\":\"Walsall improvement programme\"",
                        "\"trigger_kind\":\"OFSTED_INSPECTION\"",
                        "\"trigger_date\":\"2012-01-16\"",
                        "\"improvement_board\":\"Walsall Improvement Board\"",
                        "\"level_names\":\"Priority; Action\""));
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

    HttpResponse<String> again =
        manager.post(
            PAGE + "/confirm",
            Map.of("name", "Plan", "trigger-kind", "OTHER", "level-names", "Theme; Action"));
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
  void aNewerVersionIsSentToTheProgrammeItUpdates() {
    fake.on(
            "GET",
            "/councils/walsall/programmes",
            200,
            "[{\"id\":\"" + PROGRAMME + "\",\"name\":\"Walsall plan\"}]")
        .on(
            "POST",
            "/councils/walsall/programmes/" + PROGRAMME + "/documents",
            201,
            reupload("PROPOSED"));
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    assertThat(manager.get("/councils/walsall/plan-documents").body())
        .contains("A new plan", "A newer version of the plan for Walsall plan")
        .contains("value=\"" + PROGRAMME + "\"");
    HttpResponse<String> sent =
        manager.upload(
            "/councils/walsall/plan-documents",
            Map.of("programme", PROGRAMME),
            "walsall-v2.docx",
            "PK not really a docx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(sent.headers().firstValue("Location").orElse("")).isEqualTo(NEWER_PAGE);
    assertThat(fake.calls("POST", "/councils/walsall/programmes/" + PROGRAMME + "/documents"))
        .singleElement()
        .satisfies(call -> assertThat(call.path()).endsWith("?fileName=walsall-v2.docx"));
    assertThat(fake.calls("POST", "/councils/walsall/programmes/documents")).isEmpty();
  }

  @Test
  void aWordPlanOverTheLimitIsRefusedOnTheFormAndReachesNoService() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    // 2 MB: over the old 1 MB limit, under the plans API's 5 MB: sent on
    fake.on("POST", "/councils/walsall/programmes/documents", 201, "{\"id\":\"" + DOC + "\"}");
    HttpResponse<String> twoMegabytes =
        manager.upload("/councils/walsall/plan-documents", Map.of(), "big.docx", new byte[2 << 20]);
    assertThat(twoMegabytes.statusCode()).as(twoMegabytes.body()).isEqualTo(303);
    assertThat(fake.calls("POST", "/councils/walsall/programmes/documents")).hasSize(1);
    fake.forgetCalls();

    HttpResponse<String> fiftyMegabytes =
        manager.upload(
            "/councils/walsall/plan-documents", Map.of(), "huge.docx", new byte[50 << 20]);
    assertThat(fiftyMegabytes.statusCode()).isEqualTo(422);
    assertThat(fiftyMegabytes.body())
        .contains("<title>Error: ")
        .contains("<a href=\"#file\">The selected file must be smaller than 5 MB</a>");
    assertThat(fake.calls("POST", "/councils/walsall/programmes")).isEmpty();
  }

  @Test
  void aRefUsedTwiceOffersItsChoicesAndSendsTheOneChosen() {
    String twice =
        PROPOSAL
            .replace(
                "\"flags\":[",
                "\"duplicateChoices\":{\"1.1-2\":\"RENUMBER\"},\"flags\":[{\"kind\":\"DUPLICATE\","
                    + "\"ref\":\"1.1-2\",\"field\":\"ref\",\"original\":\"1.1\",\"origin\":{\"table\":2,"
                    + "\"row\":9,\"column\":1,\"header\":\"Ref\"},\"message\":\"ref 1.1 is used twice\"},")
            .replace(
                "\"actions\":[",
                "\"actions\":[{\"ref\":\"1.3\",\"parentRef\":\"1\",\"title\":\"The second 1.1\","
                    + "\"leads\":[],\"origin\":{\"table\":2,\"row\":9,\"column\":0,\"header\":\"\"}},");
    fake.on("GET", API, 200, twice).on("PUT", API + "/duplicates", 200, twice);
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    String page = manager.get(PAGE).body();
    assertThat(page).contains("id=\"duplicates-form\"", "name=\"duplicate-ref-0\" value=\"1.1-2\"");
    assertThat(page).containsPattern("id=\"duplicate-0-RENUMBER\"[^>]*checked");
    assertThat(page).contains("table 2, row 9, column &quot;Ref&quot;", "ref 1.1 is used twice");

    HttpResponse<String> chosen =
        manager.post(
            PAGE + "/duplicates", Map.of("duplicate-ref-0", "1.1-2", "duplicate-0", "SKIP"));
    assertThat(chosen.statusCode()).isEqualTo(303);
    assertThat(chosen.headers().firstValue("Location").orElse("")).contains("resolved=yes");
    assertThat(fake.calls("PUT", API + "/duplicates"))
        .singleElement()
        .satisfies(
            call ->
                assertThat(call.body())
                    .contains("\"1.1-2\"", "\"SKIP\"", "\"ref\"", "\"resolution\""));
    assertThat(manager.get(PAGE + "?resolved=yes").body()).contains("with your choices");

    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");
    assertThat(observer.get(PAGE).body())
        .contains("id=\"duplicates-list\"")
        .doesNotContain("id=\"duplicates-form\"");
    assertThat(observer.post(PAGE + "/duplicates", Map.of("duplicate-ref-0", "1.1-2")).statusCode())
        .isEqualTo(403);
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
