package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
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
 * The read model from real events on a real broker: Walsall's RAG summary (58 actions: Blue 1,
 * Green 29, Amber 10, Red 4, Grey 14) side by side with another council, scoped observers, changes
 * seen within seconds, and a rebuild from the topics giving the same answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OversightIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final TestTokens tokens = TestTokens.shared();
  private final TestKafka kafka = TestKafka.shared();
  private final List<UUID> walsallActions = new ArrayList<>();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void publishTwoCouncilsPlans() {
    api = new HubApi(server.getURL().toString());
    council(walsall, "Walsall Council", 335);
    council(peterborough, "Peterborough City Council", 874);
    String[][] walsallRag = {
      {"BLUE", "1"}, {"GREEN", "29"}, {"AMBER", "10"}, {"RED", "4"}, {"GREY", "14"}
    };
    int n = 0;
    for (String[] rag : walsallRag) {
      for (int i = 0; i < Integer.parseInt(rag[1]); i++) {
        UUID id = UUID.randomUUID();
        walsallActions.add(id);
        action(walsall, id, "1." + (++n), rag[0], LocalDate.now().plusDays(60));
      }
    }
    action(peterborough, UUID.randomUUID(), "2.1.3", "RED", LocalDate.now().minusDays(10));
    action(peterborough, UUID.randomUUID(), "2.1.4", "GREEN", LocalDate.now().plusDays(10));
  }

  private void council(String slug, String name, int laCode) {
    TenancyEvents.provisioned(slug, name, laCode);
    TenancyEvents.activated(slug, name);
  }

  private void action(String council, UUID id, String ref, String rag, LocalDate due) {
    kafka.publish(
        "plans.action.v1",
        council,
        TestCouncils.envelope(
            "ActionCreated",
            council,
            id.toString(),
            ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leadName\":\"L\","
                    + "\"leadEmail\":\"l@example.org\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\"}")
                .formatted(id, ref, ref, due, rag)));
  }

  private JsonNode awaitSummary(
      String council, String token, java.util.function.Predicate<JsonNode> done) {
    return api.awaitGet(
            "/oversight/councils/" + council,
            token,
            r -> r.status() == 200 && done.test(r.json()),
            Duration.ofSeconds(30))
        .json();
  }

  private static JsonNode rag(JsonNode summary, String status) {
    for (JsonNode row : summary.get("rag")) {
      if (row.get("status").asText().equals(status)) {
        return row;
      }
    }
    throw new AssertionError("no " + status + " in " + summary);
  }

  @Test
  @Order(1)
  void walsallsRagSummaryMatchesItsDocument() {
    JsonNode summary =
        awaitSummary(walsall, tokens.observer("*"), s -> s.get("totalActions").asInt() == 58);
    assertThat(summary.get("name").asText()).isEqualTo("Walsall Council");
    assertThat(summary.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(rag(summary, "BLUE").get("count").asInt()).isEqualTo(1);
    assertThat(rag(summary, "BLUE").get("percent").decimalValue()).isEqualByComparingTo("1.72");
    assertThat(rag(summary, "GREEN").get("count").asInt()).isEqualTo(29);
    assertThat(rag(summary, "GREEN").get("percent").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(rag(summary, "AMBER").get("percent").decimalValue()).isEqualByComparingTo("17.24");
    assertThat(rag(summary, "RED").get("percent").decimalValue()).isEqualByComparingTo("6.90");
    assertThat(rag(summary, "GREY").get("percent").decimalValue()).isEqualByComparingTo("24.14");
  }

  @Test
  @Order(2)
  void councilsAreSideBySideAndSortable() {
    awaitSummary(peterborough, tokens.observer("*"), s -> s.get("totalActions").asInt() == 2);
    ApiResponse mostOverdue =
        api.get("/oversight/councils?sort=overdue", tokens.observer(walsall, peterborough));
    assertThat(mostOverdue.status()).isEqualTo(200);
    List<String> order = mostOverdue.json().findValuesAsText("council");
    assertThat(order).containsExactly(peterborough, walsall);
    JsonNode peterboroughSummary = mostOverdue.json().get(0);
    assertThat(peterboroughSummary.get("overdue").asInt()).isEqualTo(1);
    assertThat(peterboroughSummary.get("dueNext30Days").asInt()).isEqualTo(1);
    assertThat(api.get("/oversight/councils?sort=loudest", tokens.observer("*")).status())
        .isEqualTo(400);
  }

  @Test
  @Order(3)
  void observersSeeOnlyTheirScopeAndCouncilUsersNothing() {
    String walsallObserver = tokens.observer(walsall);
    assertThat(api.get("/oversight/councils/" + peterborough, walsallObserver).status())
        .isEqualTo(404);
    assertThat(api.get("/oversight/councils", walsallObserver).json().findValuesAsText("council"))
        .containsExactly(walsall);
    ApiResponse councilUser =
        api.get("/oversight/councils/" + walsall, tokens.councilUser(walsall, "COUNCIL_ADMIN"));
    assertThat(councilUser.status()).isEqualTo(403);
    assertThat(councilUser.isProblem()).isTrue();
    assertThat(api.post("/oversight/rebuild", tokens.observer("*"), "").status()).isEqualTo(403);
    assertThat(api.get("/oversight/councils", null).status()).isEqualTo(401);
  }

  @Test
  @Order(4)
  void aProgressReportReachesObserversWithinSeconds() {
    UUID id = walsallActions.get(1); // was GREEN
    kafka.publish(
        "plans.action.v1",
        walsall,
        TestCouncils.envelope(
            "ActionProgressReported",
            walsall,
            id.toString(),
            ("{\"action\":{\"actionId\":\"%s\",\"ref\":\"1.2\",\"title\":\"Action 1.2\",\"leads\":[],"
                    + "\"dueDate\":\"%s\",\"ragStatus\":\"RED\"},\"period\":\"2026-11\",\"ragStatus\":\"RED\","
                    + "\"reportedBy\":\"pm\",\"reportedAt\":\"2026-11-23T10:00:00Z\"}")
                .formatted(id, LocalDate.now().plusDays(60))));
    JsonNode summary =
        awaitSummary(walsall, tokens.observer("*"), s -> rag(s, "RED").get("count").asInt() == 5);
    assertThat(rag(summary, "GREEN").get("count").asInt()).isEqualTo(28);
    assertThat(summary.get("totalActions").asInt()).isEqualTo(58);
  }

  @Test
  @Order(5)
  void aWithdrawnActionLeavesTheCounts() {
    UUID id = walsallActions.get(2); // GREEN
    kafka.publish(
        "plans.action.v1",
        walsall,
        TestCouncils.envelope(
            "ActionWithdrawn",
            walsall,
            id.toString(),
            ("{\"action\":{\"actionId\":\"%s\",\"ref\":\"1.3\",\"title\":\"Action 1.3\",\"leads\":[],"
                    + "\"dueDate\":\"%s\",\"ragStatus\":\"GREEN\",\"withdrawnOn\":\"2026-11-23\"},"
                    + "\"withdrawnOn\":\"2026-11-23\",\"reason\":\"No longer in the plan\"}")
                .formatted(id, LocalDate.now().plusDays(60))));
    JsonNode summary =
        awaitSummary(walsall, tokens.observer("*"), s -> s.get("totalActions").asInt() == 57);
    assertThat(rag(summary, "GREEN").get("count").asInt()).isEqualTo(27);
    assertThat(rag(summary, "RED").get("count").asInt()).isEqualTo(5);
  }

  @Test
  @Order(6)
  void aRebuildFromTheTopicsGivesTheSameAnswer() {
    String observer = tokens.observer(walsall, peterborough);
    String before = api.get("/oversight/councils", observer).body();
    ApiResponse rebuilt = api.post("/oversight/rebuild", tokens.platformAdmin(), "");
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    assertThat(rebuilt.json().get("actionEvents").asInt()).isGreaterThanOrEqualTo(62);
    assertThat(api.get("/oversight/councils", observer).body()).isEqualTo(before);
  }
}
