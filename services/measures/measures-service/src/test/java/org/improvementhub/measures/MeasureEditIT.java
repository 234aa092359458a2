package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Editing a measure after it was defined, its history, the list's current status, and simultaneous
 * adoptions or definitions meeting at the unique index (409, never 500).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureEditIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
  }

  private String define(String name, String polarity, String target) {
    ApiResponse created =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            ("{\"name\":\"%s\",\"definition\":\"As the CIN census counts it\",\"unit\":\"PERCENT\","
                    + "\"polarity\":\"%s\",\"frequency\":\"MONTHLY\","
                    + "\"targets\":[{\"from\":\"2025-01\",\"value\":%s}]}")
                .formatted(name, polarity, target));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private void value(String id, String period, String value) {
    ApiResponse put =
        api.put(
            "/councils/" + council + "/measures/" + id + "/values/" + period,
            manager,
            "{\"value\":" + value + "}");
    assertThat(put.status()).as(put.body()).isIn(200, 201);
  }

  private String measure(String id) {
    return "/councils/" + council + "/measures/" + id;
  }

  private List<String> fields(ApiResponse response) {
    return response.json().get("errors").findValuesAsText("field");
  }

  @Test
  void aMeasureIsEditedAndEveryChangeIsKept() {
    String id = define("Assessments within 45 days", "HIGHER_IS_BETTER", "80");
    value(id, "2025-01", "78");
    value(id, "2025-02", "85");
    assertThat(api.get(measure(id) + "/values", manager).json().findValuesAsText("status"))
        .containsExactly("RED", "GREEN");

    ApiResponse edited =
        api.send(
            api.request(measure(id), manager)
                .method(
                    "PATCH",
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Single assessments within 45 working days\",\"owner\":\"Head"
                            + " of Front Door\",\"dataSource\":\"Mosaic report CS012\","
                            + "\"baseline\":{\"value\":61.5,\"date\":\"2024-03-31\"},"
                            + "\"tolerance\":3,\"unit\":\"PERCENT\"}"))
                .header("Content-Type", "application/json"));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    JsonNode view = edited.json();
    assertThat(view.get("name").asText()).isEqualTo("Single assessments within 45 working days");
    assertThat(view.get("owner").asText()).isEqualTo("Head of Front Door");
    assertThat(view.get("baseline").get("value").decimalValue()).isEqualByComparingTo("61.5");
    assertThat(view.get("tolerance").decimalValue()).isEqualByComparingTo("3");
    assertThat(api.get(measure(id) + "/values", manager).json().findValuesAsText("status"))
        .as("a 2-point miss is Amber once the tolerance is 3")
        .containsExactly("AMBER", "GREEN");

    JsonNode history = api.get(measure(id) + "/history", tokens.observer("*")).json();
    assertThat(history.findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "name", "owner", "dataSource", "baseline.value", "baseline.date", "tolerance");
    JsonNode tolerance = null;
    for (JsonNode change : history) {
      if (change.get("field").asText().equals("tolerance")) {
        tolerance = change;
      }
    }
    assertThat(tolerance.get("previous").asText()).isEqualTo("0");
    assertThat(tolerance.get("value").asText()).isEqualTo("3");
    assertThat(tolerance.get("changedBy").asText()).isNotBlank();

    assertThat(patch(id, "{\"owner\":\"\"}").json().has("owner"))
        .as("an empty owner clears it")
        .isFalse();
    assertThat(api.get(measure(id) + "/history", manager).json()).hasSize(7);
  }

  private ApiResponse patch(String id, String json) {
    return api.send(
        api.request(measure(id), manager)
            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json"));
  }

  @Test
  void unitPolarityAndMisfittingFrequencyAreRefusedByName() {
    String id = define("Repeat plans (edit)", "LOWER_IS_BETTER", "14.4");
    value(id, "2025-01", "16");
    define("Repeat plans (taken)", "LOWER_IS_BETTER", "14.4");

    assertThat(fields(patch(id, "{\"unit\":\"COUNT\",\"polarity\":\"HIGHER_IS_BETTER\"}")))
        .containsExactly("unit", "polarity");
    assertThat(fields(patch(id, "{\"frequency\":\"QUARTERLY\"}"))).containsExactly("frequency");
    assertThat(fields(patch(id, "{\"name\":\"   \"}"))).containsExactly("name");
    assertThat(fields(patch(id, "{\"tolerance\":-1}"))).containsExactly("tolerance");
    assertThat(patch(id, "{\"name\":\"repeat plans (TAKEN)\"}").status()).isEqualTo(409);
    assertThat(patch(id, "{\"name\":\"Repeat Plans (edit)\"}").status())
        .as("its own name in another case")
        .isEqualTo(200);
    assertThat(api.get(measure(id), manager).json().get("unit").asText()).isEqualTo("PERCENT");
    assertThat(patch(java.util.UUID.randomUUID().toString(), "{\"owner\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void theListShowsEachMeasuresLatestValueStatusAndTrend() {
    String worsening = define("Caseload (list)", "LOWER_IS_BETTER", "20");
    value(worsening, "2025-01", "19");
    value(worsening, "2025-02", "23");
    String improving = define("Visits in time (list)", "HIGHER_IS_BETTER", "90");
    value(improving, "2025-01", "88");
    value(improving, "2025-02", "91");
    String empty = define("Nothing yet (list)", "HIGHER_IS_BETTER", "90");

    JsonNode list = api.get("/councils/" + council + "/measures", tokens.observer("*")).json();
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    list.forEach(measure -> byId.put(measure.get("id").asText(), measure));
    JsonNode current = byId.get(worsening).get("current");
    assertThat(current.get("period").asText()).isEqualTo("2025-02");
    assertThat(current.get("value").decimalValue()).isEqualByComparingTo("23");
    assertThat(current.get("status").asText()).isEqualTo("RED");
    assertThat(current.get("trend").asText()).isEqualTo("DECLINING");
    assertThat(byId.get(improving).get("current").get("status").asText()).isEqualTo("GREEN");
    assertThat(byId.get(improving).get("current").get("trend").asText()).isEqualTo("IMPROVING");
    assertThat(byId.get(empty).has("current")).isFalse();
  }

  @Test
  void simultaneousAdoptionsOfOneCodeAnswer409NeverA500() throws Exception {
    List<Integer> adoptions =
        race(
            () ->
                api.post(
                        "/councils/" + council + "/measures/adopt",
                        manager,
                        "{\"code\":\"average-caseload\"}")
                    .status());
    assertThat(adoptions).containsOnly(201, 409);
    assertThat(adoptions).filteredOn(status -> status == 201).hasSize(1);

    List<Integer> definitions =
        race(
            () ->
                api.post(
                        "/councils/" + council + "/measures",
                        manager,
                        "{\"name\":\"Agency rate (race)\",\"definition\":\"Agency social workers"
                            + " as a share of all\",\"unit\":\"PERCENT\","
                            + "\"polarity\":\"LOWER_IS_BETTER\",\"frequency\":\"MONTHLY\"}")
                    .status());
    assertThat(definitions).containsOnly(201, 409);
    assertThat(definitions).filteredOn(status -> status == 201).hasSize(1);
  }

  /** Runs {@code call} from eight threads released at once. */
  private static List<Integer> race(Callable<Integer> call) throws Exception {
    int racers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
