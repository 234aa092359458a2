package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Four councils' worth of every event the read model consumes — councils, actions created and
 * reported on over three months, drivers saved and removed, measure values and statuses — on the
 * real broker, with the day held on 20 November 2026: the dashboard's tallies (RAG, overdue, due
 * soon, measures by status, drivers without actions), the trend period by period, the board
 * report's change since the previous period, measures and drivers; a rebuild from the topics gives
 * byte-identical answers on every route; and overdue counts move as days pass with no event.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadModelIT implements TestPropertyProvider {

  private static final Instant SEPTEMBER = Instant.parse("2026-09-10T09:00:00Z");
  private static final Instant OCTOBER = Instant.parse("2026-10-15T09:00:00Z");
  private static final Instant NOVEMBER = Instant.parse("2026-11-05T09:00:00Z");
  private static final Instant REMOVAL = Instant.parse("2026-11-06T09:00:00Z");

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.test.movable-clock", "2026-11-20T10:00:00Z");
  private final List<String> councils =
      List.of(
          TestCouncils.uniqueSlug("walsall"),
          TestCouncils.uniqueSlug("peterborough"),
          TestCouncils.uniqueSlug("sandwell"),
          TestCouncils.uniqueSlug("dudley"));
  private final String walsall = councils.get(0);
  private final TestTokens tokens = TestTokens.shared();
  private final TestKafka kafka = TestKafka.shared();

  @Inject EmbeddedServer server;
  @Inject MovableClock clock;
  private HubApi api;
  private String observer;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void fourCouncilsEvents() {
    api = new HubApi(server.getURL().toString());
    observer = tokens.observer(councils.toArray(String[]::new));
    for (int c = 0; c < councils.size(); c++) {
      publishCouncil(councils.get(c), c);
    }
    for (int c = 0; c < councils.size(); c++) {
      int actions = 6 + c;
      // the driver's removal is the last event of all (6 November): once it shows, all have
      api.awaitGet(
          "/oversight/councils/" + councils.get(c),
          observer,
          r ->
              r.status() == 200
                  && r.json().get("totalActions").asInt() == actions
                  && count(r.json().get("rag"), "RED") == 2
                  && count(r.json().get("rag"), "GREY") == 0
                  && count(r.json().get("measures"), "AMBER") == 1
                  && count(r.json().get("measures"), "GREY") == 1
                  && r.json().get("drivers").asInt() == 2
                  && REMOVAL.equals(Instant.parse(r.json().get("lastUpdate").asText())),
          Duration.ofSeconds(60));
    }
  }

  /**
   * Council {@code c}: six actions created in September (plus {@code c} more Green), two progress
   * reports in October, drivers and measures in November.
   */
  private void publishCouncil(String council, int c) {
    TenancyEvents.provisioned(council, "Council " + c, 300 + c);
    TenancyEvents.activated(council, "Council " + c);
    UUID earlyHelp = UUID.randomUUID();
    kafka.publish(
        "plans.item.v1",
        earlyHelp.toString(),
        envelope(
            "PlanItemSaved",
            council,
            earlyHelp,
            SEPTEMBER,
            ("{\"itemId\":\"%s\",\"programmeId\":\"%s\",\"ref\":\"2.1\",\"title\":\"Early help\","
                    + "\"level\":2,\"levelName\":\"Priority\"}")
                .formatted(earlyHelp, UUID.randomUUID())));
    UUID overdue = UUID.randomUUID();
    UUID amber = UUID.randomUUID();
    UUID grey = UUID.randomUUID();
    action(council, "ActionCreated", overdue, "1.1", "GREEN", "2026-11-10", SEPTEMBER, null, null);
    action(
        council,
        "ActionCreated",
        UUID.randomUUID(),
        "1.2",
        "GREEN",
        "2026-11-30",
        SEPTEMBER,
        null,
        null);
    action(
        council, "ActionCreated", amber, "1.3", "AMBER", "2027-03-31", SEPTEMBER, null, earlyHelp);
    action(
        council,
        "ActionCreated",
        UUID.randomUUID(),
        "1.4",
        "RED",
        "2026-12-05",
        SEPTEMBER,
        null,
        null);
    action(council, "ActionCreated", grey, "1.5", "GREY", "2027-06-30", SEPTEMBER, null, null);
    action(
        council,
        "ActionCreated",
        UUID.randomUUID(),
        "1.6",
        "BLUE",
        "2026-10-01",
        SEPTEMBER,
        null,
        null);
    for (int extra = 0; extra < c; extra++) {
      action(
          council,
          "ActionCreated",
          UUID.randomUUID(),
          "2." + extra,
          "GREEN",
          "2027-01-31",
          SEPTEMBER,
          null,
          null);
    }
    action(
        council,
        "ActionProgressReported",
        amber,
        "1.3",
        "RED",
        "2027-03-31",
        OCTOBER,
        "Recruitment of team managers paused",
        earlyHelp);
    action(
        council,
        "ActionProgressReported",
        grey,
        "1.5",
        "GREEN",
        "2027-06-30",
        OCTOBER,
        "Started early",
        null);

    UUID answered = UUID.randomUUID();
    UUID unanswered = UUID.randomUUID();
    UUID removed = UUID.randomUUID();
    driver(council, answered, "OR 1", "Management oversight", List.of(overdue));
    driver(council, unanswered, "OR 2", "Return home interviews", List.of());
    driver(council, removed, "IN 3.1", "Withdrawn item", List.of());
    kafka.publish(
        "plans.driver.v1",
        removed.toString(),
        envelope(
            "DriverRemoved",
            council,
            removed,
            REMOVAL,
            "{\"driverId\":\"%s\"}".formatted(removed)));

    UUID assessments = UUID.randomUUID();
    UUID reReferrals = UUID.randomUUID();
    UUID caseloads = UUID.randomUUID();
    measure(
        council,
        assessments,
        "Assessments in 45 working days",
        "HIGHER_IS_BETTER",
        "2026-09",
        "70",
        "RED",
        "80");
    measure(
        council,
        assessments,
        "Assessments in 45 working days",
        "HIGHER_IS_BETTER",
        "2026-10",
        "78",
        "AMBER",
        "80");
    measure(
        council,
        reReferrals,
        "Re-referrals within 12 months",
        "LOWER_IS_BETTER",
        "2026-10",
        "19",
        "GREEN",
        "22");
    measure(council, caseloads, "Average caseload", "WITHIN_BAND", "2026-10", "18", "GREY", null);
  }

  private void action(
      String council,
      String type,
      UUID id,
      String ref,
      String rag,
      String due,
      Instant at,
      String note,
      UUID planItem) {
    String snapshot =
        ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leads\":[],"
                + "\"dueDate\":\"%s\",\"ragStatus\":\"%s\",\"planItemId\":%s}")
            .formatted(id, ref, ref, due, rag, planItem == null ? "null" : "\"" + planItem + "\"");
    String data =
        type.equals("ActionCreated")
            ? "{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leadName\":\"L\",\"leadEmail\":\"l@example.org\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\",\"action\":%s}"
                .formatted(id, ref, ref, due, rag, snapshot)
            : ("{\"action\":%s,\"period\":\"2026-10\",\"ragStatus\":\"%s\",\"note\":\"%s\","
                    + "\"reportedBy\":\"pm\",\"reportedAt\":\"%s\"}")
                .formatted(snapshot, rag, note, at);
    kafka.publish("plans.action.v1", council, envelope(type, council, id, at, data));
  }

  private void driver(String council, UUID id, String ref, String title, List<UUID> actions) {
    String actionIds = String.join(",", actions.stream().map(a -> "\"" + a + "\"").toList());
    kafka.publish(
        "plans.driver.v1",
        id.toString(),
        envelope(
            "DriverSaved",
            council,
            id,
            NOVEMBER,
            ("{\"driverId\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"%s\","
                    + "\"title\":\"%s\",\"timeframe\":\"WITHIN_3_MONTHS\",\"actionIds\":[%s]}")
                .formatted(id, ref, title, actionIds)));
  }

  private void measure(
      String council,
      UUID id,
      String name,
      String polarity,
      String period,
      String value,
      String status,
      String target) {
    kafka.publish(
        "measures.value.v1",
        council,
        envelope(
            "MeasureValueRecorded",
            council,
            id,
            NOVEMBER,
            ("{\"measureId\":\"%s\",\"measureName\":\"%s\",\"unit\":\"PERCENT\",\"polarity\":\"%s\","
                    + "\"period\":\"%s\",\"value\":%s,\"revision\":1,\"recordedAt\":\"%s\"}")
                .formatted(id, name, polarity, period, value, NOVEMBER)));
    kafka.publish(
        "measures.value.v1",
        council,
        envelope(
            "MeasureStatusChanged",
            council,
            id,
            NOVEMBER,
            ("{\"measureId\":\"%s\",\"measureName\":\"%s\",\"period\":\"%s\",\"status\":\"%s\","
                    + "\"value\":%s,\"target\":%s,\"changedAt\":\"%s\"}")
                .formatted(id, name, period, status, value, target, NOVEMBER)));
  }

  private static String envelope(
      String type, String council, UUID aggregate, Instant at, String data) {
    return ("{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"council\":\"%s\","
            + "\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"data\":%s}")
        .formatted(UUID.randomUUID(), type, council, at, aggregate, data);
  }

  private static long count(JsonNode rows, String status) {
    for (JsonNode row : rows) {
      if (row.get("status").asText().equals(status)) {
        return row.get("count").asLong();
      }
    }
    throw new AssertionError("no " + status + " in " + rows);
  }

  @Test
  @Order(1)
  void theDashboardShowsEachCouncilsTallies() {
    JsonNode walsallSummary = api.get("/oversight/councils/" + walsall, observer).json();
    assertThat(walsallSummary.get("totalActions").asInt()).isEqualTo(6);
    JsonNode rag = walsallSummary.get("rag");
    assertThat(List.of(count(rag, "BLUE"), count(rag, "GREEN"), count(rag, "AMBER")))
        .containsExactly(1L, 3L, 0L);
    assertThat(List.of(count(rag, "RED"), count(rag, "GREY"))).containsExactly(2L, 0L);
    // 1.1 was due on 10 November; 1.2 (30 November) and 1.4 (5 December) fall due within 30 days
    assertThat(walsallSummary.get("overdue").asInt()).isEqualTo(1);
    assertThat(walsallSummary.get("dueNext30Days").asInt()).isEqualTo(2);
    JsonNode measures = walsallSummary.get("measures");
    assertThat(measures.findValuesAsText("status"))
        .containsExactly("GREEN", "AMBER", "RED", "GREY");
    assertThat(measures.findValuesAsText("count")).containsExactly("1", "1", "0", "1");
    assertThat(walsallSummary.get("drivers").asInt()).isEqualTo(2);
    assertThat(walsallSummary.get("driversWithoutActions").asInt()).isEqualTo(1);
    assertThat(Instant.parse(walsallSummary.get("lastUpdate").asText())).isEqualTo(REMOVAL);

    List<String> byGreen =
        api.get("/oversight/councils?sort=red", observer).json().findValuesAsText("council");
    assertThat(byGreen).containsExactlyInAnyOrderElementsOf(councils);
    JsonNode dudley = api.get("/oversight/councils/" + councils.get(3), observer).json();
    assertThat(count(dudley.get("rag"), "GREEN")).isEqualTo(6);
  }

  @Test
  @Order(2)
  void theTrendShowsRagAtEachPeriodsEnd() {
    JsonNode trend = api.get("/oversight/councils/" + walsall + "/trend", observer).json();
    JsonNode periods = trend.get("periods");
    assertThat(periods.findValuesAsText("period")).containsExactly("2026-09", "2026-10", "2026-11");
    JsonNode september = periods.get(0).get("rag");
    assertThat(
            List.of(
                count(september, "BLUE"),
                count(september, "GREEN"),
                count(september, "AMBER"),
                count(september, "RED"),
                count(september, "GREY")))
        .containsExactly(1L, 2L, 1L, 1L, 1L);
    JsonNode october = periods.get(1).get("rag");
    assertThat(List.of(count(october, "GREEN"), count(october, "AMBER"), count(october, "RED")))
        .containsExactly(3L, 0L, 2L);
    // nothing happened in November: its counts carry October's
    assertThat(periods.get(2).get("rag")).isEqualTo(october);
  }

  @Test
  @Order(3)
  void theBoardReportShowsChangeMeasuresAndDriversWithoutActions() {
    JsonNode report =
        api.get(
                "/councils/" + walsall + "/board-reports/2026-10/draft",
                tokens.councilUser(walsall, "PROGRAMME_MANAGER"))
            .json();
    assertThat(report.get("previousPeriod").asText()).isEqualTo("2026-09");
    Map<String, String> change = new LinkedHashMap<>();
    for (JsonNode row : report.get("changeSincePreviousPeriod")) {
      change.put(
          row.get("status").asText(),
          row.get("previous").asText() + ">" + row.get("now").asText() + ":" + row.get("change"));
    }
    assertThat(change)
        .containsExactly(
            Map.entry("BLUE", "1>1:0"),
            Map.entry("GREEN", "2>3:1"),
            Map.entry("AMBER", "1>0:-1"),
            Map.entry("RED", "1>2:1"),
            Map.entry("GREY", "1>0:-1"),
            Map.entry("TOTAL", "6>6:0"));
    JsonNode measures = report.get("measures");
    assertThat(measures.findValuesAsText("name"))
        .containsExactly(
            "Assessments in 45 working days", "Average caseload", "Re-referrals within 12 months");
    JsonNode assessments = measures.get(0);
    assertThat(assessments.get("period").asText()).isEqualTo("2026-10");
    assertThat(assessments.get("actual").decimalValue()).isEqualByComparingTo("78");
    assertThat(assessments.get("target").decimalValue()).isEqualByComparingTo("80");
    assertThat(assessments.get("status").asText()).isEqualTo("AMBER");
    assertThat(assessments.get("trend").asText()).isEqualTo("IMPROVING");
    assertThat(measures.get(2).get("trend").asText()).isEqualTo("FIRST_VALUE");
    assertThat(report.get("driversWithoutActions").findValuesAsText("ref")).containsExactly("OR 2");
    JsonNode exception = report.get("exceptions").get(0);
    assertThat(exception.get("ref").asText()).isEqualTo("1.3");
    assertThat(exception.get("planItem").asText()).isEqualTo("2.1 Early help");
    JsonNode september =
        api.get(
                "/councils/" + walsall + "/board-reports/2026-09/draft",
                tokens.councilUser(walsall, "PROGRAMME_MANAGER"))
            .json();
    assertThat(september.path("changeSincePreviousPeriod")).isEmpty();
    assertThat(september.get("measures")).hasSize(1);
    assertThat(september.get("measures").get(0).get("actual").decimalValue())
        .isEqualByComparingTo("70");
  }

  @Test
  @Order(4)
  void aRebuildGivesByteIdenticalAnswersOnEveryRoute() {
    String manager = tokens.councilUser(walsall, "PROGRAMME_MANAGER");
    assertThat(
            api.post("/councils/" + walsall + "/board-reports", manager, "{\"period\":\"2026-10\"}")
                .status())
        .isEqualTo(201);
    Map<String, String> before = everyRoute();
    ApiResponse rebuilt = api.post("/oversight/rebuild", tokens.platformAdmin(), "");
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    assertThat(rebuilt.json().get("driverEvents").asInt()).isGreaterThanOrEqualTo(16);
    assertThat(rebuilt.json().get("measureEvents").asInt()).isGreaterThanOrEqualTo(32);
    assertThat(rebuilt.json().get("planItemEvents").asInt()).isGreaterThanOrEqualTo(4);
    Map<String, String> after = everyRoute();
    assertThat(after).isEqualTo(before);
  }

  /** Every read route's answer for the four councils, by route. */
  private Map<String, String> everyRoute() {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String sort : new String[] {"name", "red", "overdue", "stale"}) {
      String path = "/oversight/councils?sort=" + sort;
      answers.put(path, ok(path, observer));
    }
    for (String council : councils) {
      String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
      for (String path :
          new String[] {
            "/oversight/councils/" + council, "/oversight/councils/" + council + "/trend"
          }) {
        answers.put(path, ok(path, observer));
      }
      for (String period : new String[] {"2026-09", "2026-10", "2026-11"}) {
        String path = "/councils/" + council + "/board-reports/" + period + "/draft";
        answers.put(path, ok(path, manager));
      }
      String issued = "/councils/" + council + "/board-reports";
      answers.put(issued, ok(issued, manager));
    }
    String report = "/councils/" + walsall + "/board-reports/2026-10";
    answers.put(report, ok(report, observer));
    return answers;
  }

  private String ok(String path, String token) {
    ApiResponse response = api.get(path, token);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  @Order(5)
  void overdueCountsMoveAsDaysPassWithoutAnyEvent() {
    clock.moveTo(LocalDate.of(2026, 12, 1));
    JsonNode summary = api.get("/oversight/councils/" + walsall, observer).json();
    // 1.2 fell due on 30 November; 1.4 (5 December) is the only one due in the next 30 days
    assertThat(summary.get("overdue").asInt()).isEqualTo(2);
    assertThat(summary.get("dueNext30Days").asInt()).isEqualTo(1);
    List<JsonNode> all = new ArrayList<>();
    api.get("/oversight/councils", observer).json().forEach(all::add);
    assertThat(all).allSatisfy(s -> assertThat(s.get("overdue").asInt()).isEqualTo(2));
    JsonNode trend = api.get("/oversight/councils/" + walsall + "/trend", observer).json();
    assertThat(trend.get("periods").findValuesAsText("period")).endsWith("2026-12");
  }
}
