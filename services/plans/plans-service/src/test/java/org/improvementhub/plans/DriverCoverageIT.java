package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The drivers register (Ofsted recommendations with timeframes, Improvement Notice items, peer
 * review findings), its links to actions, and the coverage view.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverCoverageIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("peterborough", "Peterborough", 874);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private PlanRequests plans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/drivers");
    plans = new PlanRequests(api, council, token);
  }

  private String driver(String kind, String ref, String timeframe) {
    ApiResponse created =
        plans.post(
            plans.base() + "/drivers",
            "{\"kind\":\"%s\",\"ref\":\"%s\",\"text\":\"Ensure %s is met\",\"timeframe\":%s}"
                .formatted(kind, ref, ref, PlanRequests.quoted(timeframe)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private ApiResponse link(String driver, String action) {
    return plans.put(plans.base() + "/drivers/" + driver + "/actions/" + action, "");
  }

  @Test
  void coverageShowsGapsBothWaysAndTheRagOfEachDriversActions() {
    String or13 = driver("OFSTED_RECOMMENDATION", "OR 13", "WITHIN_3_MONTHS");
    String in31 = driver("IMPROVEMENT_NOTICE", "IN 3.1", null);
    String peer = driver("PEER_REVIEW", "PR 2", null);
    LocalDate due = LocalDate.of(2030, 3, 31);
    String green = plans.actionId(null, null, "1.1.1", due, "GREEN");
    String red = plans.actionId(null, null, "1.1.2", due, "RED");
    String orphan = plans.actionId(null, null, "1.1.3", due, "AMBER");

    assertThat(link(or13, green).status()).isEqualTo(200);
    assertThat(link(or13, red).status()).isEqualTo(200);
    assertThat(link(or13, red).status()).isEqualTo(200);
    ApiResponse linked = link(in31, green);
    assertThat(linked.json().get("actionIds").get(0).asText()).isEqualTo(green);

    JsonNode coverage = plans.get(plans.base() + "/drivers/coverage").json();
    assertThat(refs(coverage.get("driversWithoutActions")))
        .contains("PR 2")
        .doesNotContain("OR 13", "IN 3.1");
    assertThat(refs(coverage.get("actionsWithoutDrivers")))
        .contains("1.1.3")
        .doesNotContain("1.1.1", "1.1.2");
    JsonNode or13Row = row(coverage.get("drivers"), "OR 13");
    assertThat(or13Row.get("actions").asInt()).isEqualTo(2);
    assertThat(or13Row.get("green").asInt()).isEqualTo(1);
    assertThat(or13Row.get("red").asInt()).isEqualTo(1);
    assertThat(or13Row.get("amber").asInt()).isZero();
    assertThat(or13Row.get("timeframe").asText()).isEqualTo("WITHIN_3_MONTHS");
    assertThat(row(coverage.get("drivers"), "IN 3.1").get("green").asInt()).isEqualTo(1);

    ApiResponse unlinked =
        plans.api().delete(plans.base() + "/drivers/" + or13 + "/actions/" + red, plans.token());
    assertThat(unlinked.status()).isEqualTo(200);
    JsonNode after = plans.get(plans.base() + "/drivers/coverage").json();
    assertThat(row(after.get("drivers"), "OR 13").get("red").asInt()).isZero();
    assertThat(refs(after.get("actionsWithoutDrivers"))).contains("1.1.2", "1.1.3");
    assertThat(orphan).isNotBlank();
    assertThat(peer).isNotBlank();
  }

  @Test
  void badDriversAndLinksAreRefused() {
    driver("OFSTED_RECOMMENDATION", "OR 1", "IMMEDIATELY");
    ApiResponse duplicate =
        plans.post(
            plans.base() + "/drivers",
            "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 1\",\"text\":\"Again\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    ApiResponse badTimeframe =
        plans.post(
            plans.base() + "/drivers",
            "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 2\",\"text\":\"x\",\"timeframe\":\"SOMETIME\"}");
    assertThat(badTimeframe.status()).isEqualTo(400);
    String or3 = driver("OFSTED_RECOMMENDATION", "OR 3", "WITHIN_6_MONTHS");
    ApiResponse noAction = link(or3, "00000000-0000-0000-0000-000000000001");
    assertThat(noAction.status()).isEqualTo(404);
    assertThat(noAction.isProblem()).isTrue();

    ApiResponse changed =
        plans.put(
            plans.base() + "/drivers/" + or3,
            "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 3\",\"text\":\"Reworded\",\"timeframe\":\"IMMEDIATELY\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("timeframe").asText()).isEqualTo("IMMEDIATELY");
    assertThat(plans.get(plans.base() + "/drivers").json().findValuesAsText("ref"))
        .contains("OR 1", "OR 3");
  }

  private static List<String> refs(JsonNode rows) {
    List<String> refs = new ArrayList<>();
    rows.forEach(r -> refs.add(r.get("ref").asText()));
    return refs;
  }

  private static JsonNode row(JsonNode rows, String ref) {
    for (JsonNode row : rows) {
      if (row.get("ref").asText().equals(ref)) {
        return row;
      }
    }
    throw new AssertionError("No row " + ref + " in " + rows);
  }
}
