package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The four councils' own plans (module {@code infra/demo-councils}) imported through the API give
 * the counts their documents give: items per level, actions, drivers and their links, and Walsall's
 * RAG summary (Blue 1, Green 29, Amber 10, Red 4, Grey 14 of 58).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPlansIT implements TestPropertyProvider {

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final Map<String, String> councils = new HashMap<>();
  private final Map<String, String> programmes = new HashMap<>();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void importEveryDemoPlan() {
    api = new HubApi(server.getURL().toString());
    for (String demo : List.of("nottinghamshire", "peterborough", "walsall", "west-sussex")) {
      String council = TestCouncils.uniqueSlug(demo);
      councils.put(demo, council);
      TestCouncils.provision(properties.database(), council, demo, 900);
      api.awaitGet(
          "/councils/" + council + "/programmes",
          token(demo),
          r -> r.status() == 200,
          Duration.ofSeconds(30));
      ApiResponse imported =
          api.send(
              api.request("/councils/" + council + "/programmes/import", token(demo))
                  .timeout(Duration.ofMinutes(2))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(planFile(demo))));
      assertThat(imported.status()).as(demo + ": " + imported.body()).isEqualTo(201);
      programmes.put(demo, imported.json().get("programmeId").asText());
    }
  }

  @Test
  void nottinghamshireHasItsEighteenProjectsInThreeCategoriesWithTheirLeads() {
    JsonNode tree = tree("nottinghamshire");
    assertThat(tree.get("levelNames").toString()).isEqualTo("[\"Category\",\"Project\"]");
    assertThat(tree.get("nodes").findValuesAsText("title"))
        .startsWith("High level priorities")
        .contains("Service Development", "Service Review", "Value for Money");
    assertThat(countsByLevel(tree))
        .containsExactlyEntriesOf(sorted(Map.of("Category", 3L, "Project", 18L)));
    List<Integer> projectsPerCategory = new ArrayList<>();
    tree.get("nodes").forEach(category -> projectsPerCategory.add(category.get("children").size()));
    assertThat(projectsPerCategory).containsExactly(4, 6, 8);
    JsonNode actions = actions("nottinghamshire");
    assertThat(actions).hasSize(18);
    actions.forEach(action -> assertThat(action.get("leads").size()).isPositive());
    assertThat(actions.findValuesAsText("email")).contains("nick.mcmullen@nottinghamshire.demo");
  }

  @Test
  void peterboroughHasSixPillarsTheirOutcomesAndActionsLinkedToItsRecommendationsAndNotice() {
    JsonNode tree = tree("peterborough");
    assertThat(countsByLevel(tree))
        .containsExactlyEntriesOf(sorted(Map.of("Pillar", 6L, "Outcome", 26L, "Action", 77L)));
    JsonNode drivers = get("peterborough", "/drivers");
    Map<String, Long> byKind = new TreeMap<>();
    Map<String, Long> recommendationsByTimeframe = new TreeMap<>();
    long links = 0;
    for (JsonNode driver : drivers) {
      byKind.merge(driver.get("kind").asText(), 1L, Long::sum);
      if (driver.get("kind").asText().equals("OFSTED_RECOMMENDATION")) {
        recommendationsByTimeframe.merge(driver.get("timeframe").asText(), 1L, Long::sum);
      }
      links += driver.path("actionIds").size();
    }
    assertThat(byKind)
        .containsExactlyEntriesOf(
            sorted(Map.of("IMPROVEMENT_NOTICE", 19L, "OFSTED_RECOMMENDATION", 18L)));
    assertThat(recommendationsByTimeframe)
        .containsExactlyEntriesOf(
            sorted(Map.of("IMMEDIATELY", 7L, "WITHIN_3_MONTHS", 5L, "WITHIN_6_MONTHS", 6L)));
    assertThat(links).isEqualTo(59);
    JsonNode coverage = get("peterborough", "/drivers/coverage");
    assertThat(coverage.get("driversWithoutActions").findValuesAsText("ref"))
        .containsExactlyInAnyOrder("OR 16", "OR 18", "IN 15");
  }

  @Test
  void walsallsActionsReproduceItsDocumentsRagSummary() {
    assertThat(countsByLevel(tree("walsall")))
        .containsExactlyEntriesOf(sorted(Map.of("Priority", 3L, "Action", 58L)));
    Map<String, Long> rag = new TreeMap<>();
    actions("walsall").forEach(a -> rag.merge(a.get("ragStatus").asText(), 1L, Long::sum));
    assertThat(rag)
        .containsExactlyEntriesOf(
            sorted(Map.of("BLUE", 1L, "GREEN", 29L, "AMBER", 10L, "RED", 4L, "GREY", 14L)));
    long links = 0;
    for (JsonNode driver : get("walsall", "/drivers")) {
      links += driver.path("actionIds").size();
    }
    assertThat(links).isEqualTo(72);
    JsonNode lado = get("walsall", "/actions?lead=lead@walsall.demo");
    assertThat(lado.findValuesAsText("ref")).containsExactly("3.11");
    JsonNode history =
        get("walsall", "/actions/" + lado.get(0).get("id").asText() + "/progress-reports");
    assertThat(history.toString()).contains("Recruitment to permanent LADO post required");
  }

  @Test
  void westSussexHasItsTwelveOfstedAreasEachWithItsActions() {
    JsonNode tree = tree("west-sussex");
    assertThat(countsByLevel(tree))
        .containsExactlyEntriesOf(sorted(Map.of("Ofsted area", 12L, "Action", 96L)));
    JsonNode coverage = get("west-sussex", "/drivers/coverage");
    assertThat(coverage.get("drivers")).hasSize(12);
    assertThat(coverage.path("driversWithoutActions")).as("empty lists are left out").isEmpty();
    assertThat(coverage.path("actionsWithoutDrivers")).isEmpty();
  }

  private JsonNode tree(String demo) {
    return get(demo, "/programmes/" + programmes.get(demo) + "/tree");
  }

  private JsonNode actions(String demo) {
    return get(demo, "/actions?programmeId=" + programmes.get(demo) + "&size=1000");
  }

  private JsonNode get(String demo, String path) {
    ApiResponse response = api.get("/councils/" + councils.get(demo) + path, token(demo));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String token(String demo) {
    return TestTokens.shared()
        .councilUser(councils.computeIfAbsent(demo, TestCouncils::uniqueSlug), "PROGRAMME_MANAGER");
  }

  /** How many items stand at each level name, and how many actions, across the whole tree. */
  private static Map<String, Long> countsByLevel(JsonNode tree) {
    Map<String, Long> counts = new TreeMap<>();
    count(tree.get("nodes"), counts);
    return counts;
  }

  private static void count(JsonNode nodes, Map<String, Long> counts) {
    for (JsonNode node : nodes) {
      counts.merge(node.get("level").asText(), 1L, Long::sum);
      if (node.hasNonNull("children")) {
        count(node.get("children"), counts);
      }
    }
  }

  private static Map<String, Long> sorted(Map<String, Long> counts) {
    return new TreeMap<>(counts);
  }

  private static String planFile(String demo) {
    String path = "demo-councils/" + demo + "/plan.csv";
    try (InputStream in = DemoPlansIT.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path + " on the test classpath (module demo-councils)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
