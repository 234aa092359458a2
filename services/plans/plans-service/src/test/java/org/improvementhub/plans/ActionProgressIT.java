package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.plans.overdue.OverdueScan;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Actions with several leads, progress reports per period (history kept, the latest is the current
 * RAG), due date revisions with their reasons, completion, the events that announce each, and the
 * overdue scan on the revised due date.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionProgressIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  // a council of its own for the summary, which counts every action of the council
  private final String summarised = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final String summarisedToken = bed.token(summarised, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  @Inject OverdueScan scan;
  private PlanRequests plans;
  private String programme;
  private String outcome;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
    programme = plans.programmeId("Priority", "Action");
    outcome = plans.itemId(programme, null, "1", "Early help");
  }

  private String actions() {
    return plans.base() + "/actions/";
  }

  private ApiResponse report(String id, String period, String rag, String note) {
    return plans.post(
        actions() + id + "/progress-reports",
        "{\"period\":\"%s\",\"ragStatus\":\"%s\",\"note\":\"%s\"}".formatted(period, rag, note));
  }

  private List<String> events(String type) {
    return TestKafka.shared().read("plans.action.v1", council, Duration.ofSeconds(4)).stream()
        .filter(e -> e.contains("\"type\":\"" + type + "\""))
        .toList();
  }

  @Test
  void anActionHasSeveralLeadsDatesAndEvidence() {
    String id = plans.actionId(programme, outcome, "1.1", LocalDate.of(2012, 6, 30), "GREY");
    JsonNode action = plans.get(actions() + id).json();
    assertThat(action.get("leads")).hasSize(2);
    assertThat(action.get("leads").get(1).get("role").asText()).isEqualTo("Safeguarding team");
    assertThat(action.get("lead").get("email").asText()).isEqualTo("lee@example.org");
    assertThat(action.get("startDate").asText()).isEqualTo("2011-10-01");
    assertThat(action.get("programmeId").asText()).isEqualTo(programme);
    assertThat(action.get("parentId").asText()).isEqualTo(outcome);
    assertThat(action.get("evidenceLinks").get(0).asText())
        .isEqualTo("https://intranet.example/audit-1.1");

    ApiResponse changed =
        plans.patch(
            actions() + id,
            "{\"leads\":[{\"name\":\"New Lead\",\"email\":\"new@example.org\",\"role\":\"Quality assurance\"}],"
                + "\"evidenceLinks\":[\"https://intranet.example/a\",\"https://intranet.example/b\"]}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("leads")).hasSize(1);
    assertThat(changed.json().get("lead").get("name").asText()).isEqualTo("New Lead");
    assertThat(changed.json().get("evidenceLinks")).hasSize(2);

    ApiResponse noLead =
        plans.post(
            plans.base() + "/actions",
            "{\"ref\":\"1.77\",\"title\":\"No lead\",\"dueDate\":\"2012-01-01\"}");
    assertThat(noLead.status()).isEqualTo(400);
    assertThat(noLead.body()).contains("leads");
  }

  @Test
  void simultaneousReportsOnOneActionAreAllKeptOneAfterAnother() throws Exception {
    String id = plans.actionId(programme, outcome, "1.9", LocalDate.of(2012, 6, 30), "GREY");
    List<java.util.concurrent.Callable<ApiResponse>> reports =
        java.util.stream.IntStream.range(0, 8)
            .<java.util.concurrent.Callable<ApiResponse>>mapToObj(
                i ->
                    () ->
                        report(
                            id,
                            java.time.YearMonth.of(2011, 10).plusMonths(i).toString(),
                            "GREEN",
                            "Report " + i))
            .toList();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<ApiResponse> answers = new java.util.ArrayList<>();
    try {
      for (var answer : pool.invokeAll(reports)) {
        answers.add(answer.get());
      }
    } finally {
      pool.shutdown();
    }

    assertThat(answers)
        .as("none sent a version, so none is refused for another's report at the same moment")
        .allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
    JsonNode history = plans.get(actions() + id + "/progress-reports").json();
    assertThat(history).as("every report is kept").hasSize(8);
    assertThat(history.findValuesAsText("period"))
        .containsExactlyInAnyOrder(
            "2011-10", "2011-11", "2011-12", "2012-01", "2012-02", "2012-03", "2012-04", "2012-05");
  }

  @Test
  void progressHistoryIsKeptAndTheLatestReportIsTheCurrentRag() {
    String id = plans.actionId(programme, outcome, "1.2", LocalDate.of(2012, 6, 30), "GREY");
    assertThat(report(id, "2011-10", "GREEN", "Started well").status()).isEqualTo(201);
    ApiResponse second =
        report(id, "2011-11", "AMBER", "Recruitment slipped; recovery plan agreed");
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("reportedBy").asText()).isEqualTo("user@" + council + ".example");

    assertThat(plans.get(actions() + id).json().get("ragStatus").asText()).isEqualTo("AMBER");
    JsonNode history = plans.get(actions() + id + "/progress-reports").json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("period").asText()).isEqualTo("2011-10");
    assertThat(history.get(0).get("ragStatus").asText()).isEqualTo("GREEN");
    assertThat(history.get(1).get("note").asText()).contains("recovery plan");

    ApiResponse outside = report(id, "2019-01", "GREEN", "Not a period of this programme");
    assertThat(outside.status()).isEqualTo(400);
    assertThat(outside.body()).contains("period");
    ApiResponse unknownRag = report(id, "2011-12", "PURPLE", "No such colour");
    assertThat(unknownRag.status()).isEqualTo(400);

    List<String> reported = events("ActionProgressReported");
    assertThat(reported.stream().filter(e -> e.contains(id))).hasSize(2);
    assertThat(
            reported.stream()
                .filter(e -> e.contains(id) && e.contains("\"period\":\"2011-11\""))
                .findFirst()
                .orElseThrow())
        .contains("\"previousRagStatus\":\"GREEN\"")
        .contains("pat.manager@example.org")
        .contains("ann@example.org");
  }

  @Test
  void aBlueReportCompletesTheActionOnce() {
    String id = plans.actionId(programme, outcome, "1.3", LocalDate.of(2012, 6, 30), "GREEN");
    ApiResponse blue =
        plans.post(
            actions() + id + "/progress-reports",
            "{\"period\":\"2012-01\",\"ragStatus\":\"BLUE\",\"note\":\"Done\",\"completedOn\":\"2012-01-20\"}");
    assertThat(blue.status()).as(blue.body()).isEqualTo(201);
    JsonNode action = plans.get(actions() + id).json();
    assertThat(action.get("completedOn").asText()).isEqualTo("2012-01-20");
    assertThat(action.get("ragStatus").asText()).isEqualTo("BLUE");
    report(id, "2012-02", "BLUE", "Still done");

    List<String> completed =
        events("ActionCompleted").stream().filter(e -> e.contains(id)).toList();
    assertThat(completed).hasSize(1);
    assertThat(completed.get(0)).contains("\"completedOn\":\"2012-01-20\"");
  }

  @Test
  void dueDateRevisionsKeepTheirHistoryAndReasons() {
    String id = plans.actionId(programme, outcome, "1.4", LocalDate.of(2012, 3, 31), "GREEN");
    ApiResponse first =
        plans.post(
            actions() + id + "/due-date-revisions",
            "{\"dueDate\":\"2012-05-31\",\"reason\":\"Recruitment of team managers delayed\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    plans.post(
        actions() + id + "/due-date-revisions",
        "{\"dueDate\":\"2012-07-31\",\"reason\":\"Board agreed a new timetable\"}");

    JsonNode action = plans.get(actions() + id).json();
    assertThat(action.get("dueDate").asText()).isEqualTo("2012-03-31");
    assertThat(action.get("revisedDueDate").asText()).isEqualTo("2012-07-31");
    assertThat(action.get("effectiveDueDate").asText()).isEqualTo("2012-07-31");
    JsonNode history = plans.get(actions() + id + "/due-date-revisions").json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("previousDueDate").asText()).isEqualTo("2012-03-31");
    assertThat(history.get(0).get("newDueDate").asText()).isEqualTo("2012-05-31");
    assertThat(history.get(1).get("previousDueDate").asText()).isEqualTo("2012-05-31");
    assertThat(history.get(1).get("reason").asText()).isEqualTo("Board agreed a new timetable");
    assertThat(history.get(1).get("revisedBy").asText()).isEqualTo("user@" + council + ".example");

    ApiResponse noReason =
        plans.post(actions() + id + "/due-date-revisions", "{\"dueDate\":\"2012-09-30\"}");
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");

    List<String> revised =
        events("ActionDueDateRevised").stream().filter(e -> e.contains(id)).toList();
    assertThat(revised).hasSize(2);
    assertThat(revised.get(1))
        .contains("\"previousDueDate\":\"2012-05-31\"")
        .contains("\"newDueDate\":\"2012-07-31\"")
        .contains("\"dueDate\":\"2012-07-31\"");
  }

  @Test
  void theOverdueScanUsesTheRevisedDueDateAndSkipsCompletedActions() {
    LocalDate past = LocalDate.now().minusDays(5);
    String postponed = plans.actionId(null, null, "9.1", past, "AMBER");
    String slipped = plans.actionId(null, null, "9.2", LocalDate.now().plusDays(30), "GREEN");
    String finished = plans.actionId(null, null, "9.3", past, "GREEN");
    plans.post(
        actions() + postponed + "/due-date-revisions",
        "{\"dueDate\":\"%s\",\"reason\":\"Postponed\"}".formatted(LocalDate.now().plusDays(20)));
    plans.post(
        actions() + slipped + "/due-date-revisions",
        "{\"dueDate\":\"%s\",\"reason\":\"Brought forward\"}".formatted(past.minusDays(1)));
    report(finished, "2030-01", "BLUE", "Complete");

    int found = scan.scan(CouncilSlug.of(council));
    assertThat(found).isPositive();
    List<String> overdue = events("ActionFellOverdue");
    assertThat(String.join("\n", overdue))
        .contains(slipped)
        .doesNotContain(postponed)
        .doesNotContain(finished);
    assertThat(overdue.stream().filter(e -> e.contains(slipped)).findFirst().orElseThrow())
        .contains("\"dueDate\":\"" + past.minusDays(1) + "\"");
  }

  private List<String> listed(String query) {
    ApiResponse response = plans.get(plans.base() + "/actions?" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().findValuesAsText("ref").stream().distinct().toList();
  }

  /**
   * The list is read with plain JDBC, one action through the repositories: every field of every
   * listed action (several leads in their order, the lead fields alone, revised, completed and
   * withdrawn dates, evidence, description, times) is what the action's own answer says.
   */
  @Test
  void everyListedActionIsShownExactlyAsTheActionItselfIs() {
    String own = plans.programmeId("Priority", "Action");
    String item = plans.itemId(own, null, "1", "Front door");
    String plain = plans.actionId(own, item, "1.1", LocalDate.of(2012, 1, 31), "GREEN");
    String detailed = plans.actionId(own, item, "1.2", LocalDate.of(2012, 2, 29), "AMBER");
    plans.patch(
        actions() + detailed,
        "{\"leads\":[{\"name\":\"Ann Lead\",\"email\":\"ann@example.org\",\"role\":\"Head\"},"
            + "{\"name\":\"Bob Second\",\"email\":\"bob@example.org\"}],"
            + "\"startDate\":\"2011-12-01\",\"description\":\"Triage \\u00e9 \\\"quoted\\\"\","
            + "\"successCriteria\":\"95%\",\"evidenceLinks\":[\"https://example.org/a\",\"b\"]}");
    plans.post(
        actions() + detailed + "/due-date-revisions",
        "{\"dueDate\":\"2012-05-31\",\"reason\":\"Board agreed\"}");
    String finished = plans.actionId(own, item, "1.3", LocalDate.of(2012, 3, 31), "GREEN");
    report(finished, "2012-03", "BLUE", "Done");
    String withdrawn = plans.actionId(own, item, "1.10", LocalDate.of(2012, 4, 30), "RED");
    plans.post(actions() + withdrawn + "/withdrawal", "{\"reason\":\"Merged into 1.2\"}");

    ApiResponse listed = plans.get(plans.base() + "/actions?programmeId=" + own);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    assertThat(listed.json().findValuesAsText("ref")).containsExactly("1.1", "1.2", "1.3", "1.10");
    for (var shown : listed.json()) {
      ApiResponse itself = plans.get(actions() + shown.get("id").asText());
      assertThat(shown).as(shown.get("ref").asText()).isEqualTo(itself.json());
    }
    // 1.2, the detailed one
    assertThat(listed.json().get(1).get("leads")).hasSize(2);
    assertThat(listed.json().get(1).get("effectiveDueDate").asText()).isEqualTo("2012-05-31");

    ApiResponse pastTheEnd = plans.get(plans.base() + "/actions?programmeId=" + own + "&page=5");
    assertThat(pastTheEnd.status()).isEqualTo(200);
    assertThat(pastTheEnd.json()).isEmpty();
    assertThat(pastTheEnd.header("X-Total-Count"))
        .as("the total, though the page is empty")
        .hasValue("4");
  }

  @Test
  void actionsAreListedByFilterAPageAtATime() throws Exception {
    String own = plans.programmeId("Pillar", "Outcome", "Action");
    String p1 = plans.itemId(own, null, "1", "Leadership");
    String o11 = plans.itemId(own, p1, "1.1", "Visible leaders");
    String p2 = plans.itemId(own, null, "2", "Practice");
    String o21 = plans.itemId(own, p2, "2.1", "Supervision");
    plans.actionId(own, o11, "1.1.1", LocalDate.now().minusDays(3), "RED");
    String onTrack = plans.actionId(own, o11, "1.1.2", LocalDate.now().plusDays(30), "GREEN");
    String other = plans.actionId(own, o21, "2.1.1", LocalDate.now().plusDays(30), "RED");
    plans.patch(
        actions() + other, "{\"leads\":[{\"name\":\"Zed Other\",\"email\":\"zed@example.org\"}]}");
    String driver =
        plans
            .post(
                plans.base() + "/drivers",
                "{\"kind\":\"IMPROVEMENT_NOTICE\",\"ref\":\"IN 9.9\",\"text\":\"Supervision\"}")
            .json()
            .get("id")
            .asText();
    plans.put(plans.base() + "/drivers/" + driver + "/actions/" + onTrack, "");

    String in = "programmeId=" + own;
    assertThat(listed(in)).containsExactly("1.1.1", "1.1.2", "2.1.1");
    assertThat(listed(in + "&rag=RED")).containsExactly("1.1.1", "2.1.1");
    assertThat(listed(in + "&lead=ZED@example.org")).containsExactly("2.1.1");
    assertThat(listed(in + "&lead=lee")).containsExactly("1.1.1", "1.1.2");
    assertThat(listed(in + "&overdue=true")).containsExactly("1.1.1");
    assertThat(listed(in + "&under=" + p1)).containsExactly("1.1.1", "1.1.2");
    assertThat(listed(in + "&under=" + o21)).containsExactly("2.1.1");
    assertThat(listed(in + "&driver=" + driver)).containsExactly("1.1.2");
    assertThat(listed(in + "&rag=RED&under=" + p1)).containsExactly("1.1.1");
    assertThat(listed(in + "&size=2&page=1")).containsExactly("2.1.1");

    java.net.http.HttpResponse<String> page =
        java.net.http.HttpClient.newHttpClient()
            .send(
                plans
                    .api()
                    .request(plans.base() + "/actions?" + in + "&size=2", token)
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().firstValue("X-Total-Count")).hasValue("3");

    ApiResponse badRag = plans.get(plans.base() + "/actions?rag=PURPLE");
    assertThat(badRag.status()).isEqualTo(400);
    ApiResponse badSize = plans.get(plans.base() + "/actions?size=0");
    assertThat(badSize.status()).isEqualTo(400);
    assertThat(badSize.body()).contains("size");
  }

  @Test
  void actionsAreListedInTheOrderPeopleReadRefsAndFoundBySearchWords() {
    String own = plans.programmeId("Action");
    for (String ref : List.of("2.10", "A.1", "10.1", "2.9.1", "2.9")) {
      plans.actionId(own, null, ref, LocalDate.now().plusDays(30), "GREEN");
    }
    String in = "programmeId=" + own;

    assertThat(listed(in)).containsExactly("2.9", "2.9.1", "2.10", "10.1", "A.1");
    assertThat(listed(in + "&size=2&page=1")).containsExactly("2.10", "10.1");
    // every word, in the ref or the title ("Action <ref>"), any case
    assertThat(listed(in + "&q=action+2.9")).containsExactly("2.9", "2.9.1");
    assertThat(listed(in + "&q=ACTION%20a.1")).containsExactly("A.1");
    assertThat(listed(in + "&q=10")).containsExactly("2.10", "10.1");
    assertThat(listed(in + "&q=+")).hasSize(5);
    // a word's own % and _ are looked for as they are, not as patterns
    assertThat(listed(in + "&q=%25")).isEmpty();
    assertThat(listed(in + "&q=2_9")).isEmpty();
  }

  @Test
  void theSummaryCountsEachStatusAndListsTheFirstOfEachList() {
    PlanRequests other = new PlanRequests(plans.api(), summarised, summarisedToken);
    String own = other.programmeId("Action");
    LocalDate today = LocalDate.now();
    for (int i = 1; i <= 22; i++) {
      other.actionId(own, null, "1." + i, today.minusDays(i), "RED");
    }
    other.actionId(own, null, "2.1", today.plusDays(5), "AMBER");
    other.actionId(own, null, "2.2", today.plusDays(30), "AMBER");
    other.actionId(own, null, "3.1", today.plusDays(60), "GREEN");
    other.actionId(own, null, "4.1", today.minusDays(100), "BLUE");
    String withdrawn = other.actionId(own, null, "5.1", today.minusDays(200), "RED");
    other.post(other.base() + "/actions/" + withdrawn + "/withdrawal", "{\"reason\":\"Merged\"}");

    ApiResponse summary = other.get(other.base() + "/actions/summary");

    assertThat(summary.status()).as(summary.body()).isEqualTo(200);
    var body = summary.json();
    assertThat(body.get("on").asText()).isEqualTo(today.toString());
    assertThat(body.get("total").asInt()).as("the withdrawn action left out").isEqualTo(26);
    assertThat(body.get("unreported").asInt()).isZero();
    assertThat(body.get("statuses").findValuesAsText("status"))
        .containsExactly("BLUE", "GREEN", "AMBER", "RED", "GREY");
    assertThat(body.get("statuses").findValues("count").stream().map(c -> c.asInt()).toList())
        .containsExactly(1, 1, 2, 22, 0);
    var exceptions = body.get("exceptions");
    assertThat(exceptions.get("total").asInt()).isEqualTo(24);
    assertThat(exceptions.get("first").findValuesAsText("ref"))
        .as("Red first, in ref order, the first twenty")
        .hasSize(20)
        .startsWith("1.1", "1.2", "1.3")
        .endsWith("1.19", "1.20");
    var overdue = body.get("overdue");
    assertThat(overdue.get("total").asInt())
        .as("neither the complete nor the withdrawn")
        .isEqualTo(22);
    assertThat(overdue.get("first").findValuesAsText("ref"))
        .as("the longest overdue first")
        .hasSize(20)
        .startsWith("1.22", "1.21")
        .endsWith("1.3");
    var dueSoon = body.get("dueSoon");
    assertThat(dueSoon.get("total").asInt()).isEqualTo(2);
    assertThat(dueSoon.get("first").findValuesAsText("ref")).containsExactly("2.1", "2.2");
  }
}
