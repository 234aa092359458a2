package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Targets, tolerance, status and trend through the API over real PostgreSQL and Kafka: per-period
 * status on values, current status on the measure, the chart series, and {@code
 * MeasureStatusChanged} only when a period's status changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureStatusIT implements TestPropertyProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("peterborough", "Peterborough", 874);
  private final String manager = bed.token(council, "PROGRAMME_MANAGER");

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

  private String define(String json) {
    ApiResponse created = api.post("/councils/" + council + "/measures", manager, json);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private String measure(String id) {
    return "/councils/" + council + "/measures/" + id;
  }

  private void record(String id, String period, String value) {
    ApiResponse recorded =
        api.put(measure(id) + "/values/" + period, manager, "{\"value\":" + value + "}");
    assertThat(recorded.status()).as(recorded.body()).isIn(200, 201);
  }

  private static Map<String, JsonNode> byPeriod(JsonNode values) {
    Map<String, JsonNode> periods = new java.util.LinkedHashMap<>();
    values.forEach(value -> periods.put(value.get("period").asText(), value));
    return periods;
  }

  @Test
  void lowerIsBetterBelowTargetIsGreenAboveIsRedAndAtTargetGreen() {
    String repeatPlans =
        define(
            """
            {"name":"Repeat child protection plans","definition":"Children becoming the subject of a plan for a second or subsequent time","unit":"PERCENT","polarity":"LOWER_IS_BETTER","frequency":"MONTHLY",
             "owner":"Head of Safeguarding","dataSource":"Liquidlogic monthly extract","baseline":{"value":22.4,"date":"2023-03-31"},
             "tolerance":2,"targets":[{"from":"2024-01","value":14.4}]}
            """);
    record(repeatPlans, "2023-12", "20");
    record(repeatPlans, "2024-01", "12.1");
    record(repeatPlans, "2024-02", "14.4");
    record(repeatPlans, "2024-03", "15.9");
    record(repeatPlans, "2024-04", "19");

    Map<String, JsonNode> values =
        byPeriod(api.get(measure(repeatPlans) + "/values", manager).json());
    assertThat(values.get("2023-12").get("status").asText()).as("no target yet").isEqualTo("GREY");
    assertThat(values.get("2023-12").hasNonNull("trend")).isFalse();
    assertThat(values.get("2024-01").get("status").asText()).isEqualTo("GREEN");
    assertThat(values.get("2024-01").get("trend").asText()).isEqualTo("IMPROVING");
    assertThat(values.get("2024-01").get("target").get("value").decimalValue())
        .isEqualByComparingTo("14.4");
    assertThat(values.get("2024-02").get("status").asText()).as("exactly at").isEqualTo("GREEN");
    assertThat(values.get("2024-02").get("trend").asText()).isEqualTo("DECLINING");
    assertThat(values.get("2024-03").get("status").asText()).isEqualTo("AMBER");
    assertThat(values.get("2024-04").get("status").asText()).isEqualTo("RED");

    JsonNode view = api.get(measure(repeatPlans), manager).json();
    assertThat(view.get("owner").asText()).isEqualTo("Head of Safeguarding");
    assertThat(view.get("dataSource").asText()).isEqualTo("Liquidlogic monthly extract");
    assertThat(view.get("baseline").get("value").decimalValue()).isEqualByComparingTo("22.4");
    assertThat(view.get("baseline").get("date").asText()).isEqualTo("2023-03-31");
    assertThat(view.get("tolerance").decimalValue()).isEqualByComparingTo("2");
    assertThat(view.get("targets")).hasSize(1);
    assertThat(view.get("current").get("period").asText()).isEqualTo("2024-04");
    assertThat(view.get("current").get("status").asText()).isEqualTo("RED");
    assertThat(view.get("current").get("trend").asText()).isEqualTo("DECLINING");
  }

  @Test
  void aTrajectoryIsEditedAndEveryChangedPeriodIsAnnounced() {
    String assessments =
        define(
            """
            {"name":"Single assessments within 45 working days","definition":"Share of assessments completed within 45 working days","unit":"PERCENT","polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY"}
            """);
    record(assessments, "2019-09", "82");
    record(assessments, "2019-12", "88");
    record(assessments, "2020-03", "88");
    assertThat(api.get(measure(assessments), manager).json().get("current").get("status").asText())
        .isEqualTo("GREY");

    ApiResponse edited =
        api.put(
            measure(assessments) + "/targets",
            manager,
            """
            {"tolerance":5,"targets":[{"from":"2019-09","value":80},{"from":"2019-12","value":90},{"from":"2020-03","value":95}]}
            """);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("targets")).hasSize(3);
    assertThat(edited.json().get("current").get("status").asText()).isEqualTo("RED");

    Map<String, JsonNode> values =
        byPeriod(api.get(measure(assessments) + "/values", manager).json());
    assertThat(values.get("2019-09").get("status").asText()).isEqualTo("GREEN");
    assertThat(values.get("2019-12").get("status").asText()).isEqualTo("AMBER");
    assertThat(values.get("2020-03").get("status").asText()).isEqualTo("RED");
    assertThat(values.get("2019-12").hasNonNull("trend"))
        .as("November has no value, so December has no trend")
        .isFalse();

    ApiResponse again =
        api.put(
            measure(assessments) + "/targets",
            manager,
            """
            {"targets":[{"from":"2019-09","value":80},{"from":"2019-12","value":90},{"from":"2020-03","value":88}]}
            """);
    assertThat(again.status()).isEqualTo(200);

    List<JsonNode> changes = new ArrayList<>();
    for (String message :
        TestKafka.shared().read("measures.value.v1", council, Duration.ofSeconds(5))) {
      JsonNode envelope = parse(message);
      if (envelope.get("type").asText().equals("MeasureStatusChanged")
          && envelope.get("aggregateId").asText().equals(assessments)) {
        changes.add(envelope.get("data"));
      }
    }
    List<String> seen =
        changes.stream()
            .map(
                data ->
                    data.get("period").asText()
                        + " "
                        + data.path("previousStatus").asText("none")
                        + "->"
                        + data.get("status").asText())
            .toList();
    assertThat(seen)
        .containsExactly(
            "2019-09 none->GREY",
            "2019-12 none->GREY",
            "2020-03 none->GREY",
            "2019-09 GREY->GREEN",
            "2019-12 GREY->AMBER",
            "2020-03 GREY->RED",
            "2020-03 RED->GREEN");
    assertThat(changes.get(5).get("target").decimalValue()).isEqualByComparingTo("95");
  }

  @Test
  void badTargetsAreProblemsNamingEachStep() {
    String caseload =
        define(
            """
            {"name":"Average caseload","definition":"Children per qualified social worker","unit":"COUNT","polarity":"WITHIN_BAND","frequency":"MONTHLY",
             "targets":[{"from":"2024-01","lower":15,"upper":20}],"tolerance":1}
            """);
    ApiResponse bad =
        api.put(
            measure(caseload) + "/targets",
            manager,
            """
            {"targets":[{"from":"2024-13","lower":15,"upper":20},{"from":"2024-06","value":18},{"from":"2024-07","lower":21,"upper":20}]}
            """);
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.isProblem()).isTrue();
    assertThat(bad.json().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder(
            "targets[0].from",
            "targets[1].value",
            "targets[1].lower",
            "targets[1].upper",
            "targets[2].upper");
    assertThat(api.get(measure(caseload), manager).json().get("targets")).hasSize(1);

    record(caseload, "2024-02", "21");
    record(caseload, "2024-03", "17");
    Map<String, JsonNode> values = byPeriod(api.get(measure(caseload) + "/values", manager).json());
    assertThat(values.get("2024-02").get("status").asText()).isEqualTo("AMBER");
    assertThat(values.get("2024-03").get("status").asText()).isEqualTo("GREEN");
    assertThat(values.get("2024-03").get("trend").asText()).isEqualTo("IMPROVING");

    ApiResponse higherWithBand =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            """
            {"name":"Visits","definition":"Visits on time","unit":"PERCENT","polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY",
             "targets":[{"from":"2024-01","value":101}]}
            """);
    assertThat(higherWithBand.status()).isEqualTo(400);
    assertThat(higherWithBand.json().get("errors").findValuesAsText("field"))
        .containsExactly("targets[0].value");
  }

  @Test
  void theSeriesGivesEveryPeriodWithValueTargetAndStatus() {
    String vacancies =
        define(
            """
            {"name":"Social worker vacancy rate","definition":"Vacant posts as a share of establishment","unit":"PERCENT","polarity":"LOWER_IS_BETTER","frequency":"QUARTERLY",
             "tolerance":1,"targets":[{"from":"2024-06","value":10}]}
            """);
    record(vacancies, "2024-03", "14");
    record(vacancies, "2024-06", "10.5");
    record(vacancies, "2024-12", "9");

    ApiResponse series = api.get(measure(vacancies) + "/series?from=2024-01&to=2025-01", manager);
    assertThat(series.status()).as(series.body()).isEqualTo(200);
    JsonNode points = series.json().get("points");
    assertThat(points.findValuesAsText("period"))
        .containsExactly("2024-03", "2024-06", "2024-09", "2024-12");
    assertThat(points.get(0).get("status").asText()).isEqualTo("GREY");
    assertThat(points.get(0).hasNonNull("target")).isFalse();
    assertThat(points.get(1).get("status").asText()).isEqualTo("AMBER");
    assertThat(points.get(1).get("trend").asText()).isEqualTo("IMPROVING");
    assertThat(points.get(1).get("target").decimalValue()).isEqualByComparingTo("10");
    assertThat(points.get(2).hasNonNull("value")).isFalse();
    assertThat(points.get(2).hasNonNull("status")).isFalse();
    assertThat(points.get(2).get("target").decimalValue()).isEqualByComparingTo("10");
    assertThat(points.get(3).get("status").asText()).isEqualTo("GREEN");
    assertThat(points.get(3).hasNonNull("trend")).as("September has no value").isFalse();

    ApiResponse none = api.get(measure(vacancies) + "/series?from=2024-04&to=2024-05", manager);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().get("points")).isEmpty();

    for (String query :
        new String[] {"?from=2024-06&to=2024-01", "?from=2024-1&to=2024-06", "?to=2024-06"}) {
      ApiResponse bad = api.get(measure(vacancies) + "/series" + query, manager);
      assertThat(bad.status()).as(query).isEqualTo(400);
      assertThat(bad.isProblem()).isTrue();
    }
    ApiResponse tooLong = api.get(measure(vacancies) + "/series?from=2000-01&to=2024-01", manager);
    assertThat(tooLong.json().get("errors").findValuesAsText("field")).containsExactly("to");
    ApiResponse unknown =
        api.get(
            measure("00000000-0000-0000-0000-000000000000") + "/series?from=2024-01&to=2024-06",
            manager);
    assertThat(unknown.status()).isEqualTo(404);
  }

  private static JsonNode parse(String message) {
    try {
      return JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
