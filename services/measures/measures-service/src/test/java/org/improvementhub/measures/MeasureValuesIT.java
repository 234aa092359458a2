package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Recording and correcting monthly values over real PostgreSQL and Kafka: history kept, bad input
 * answered with problems naming the field, each change announced on {@code measures.value.v1}.
 *
 * <p>The clock stands at 00:30 on 1 July 2025 in London (still 30 June in UTC), so July is the
 * latest month a value may be recorded for.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureValuesIT implements TestPropertyProvider {

  private static final String FIXED_CLOCK = "measures.test.fixed-clock";
  private static final Instant NOW = Instant.parse("2025-06-30T23:30:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase().with(FIXED_CLOCK, "true");
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final String manager = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String assessments;
  private String repeatPlans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  /** Only this class's context gets the fixed clock. */
  @Factory
  @Requires(property = FIXED_CLOCK, value = "true")
  static class FixedClock {
    @Singleton
    @Replaces(Clock.class)
    Clock fixed() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
    assessments =
        define(
            "Single assessments completed within 45 working days",
            "PERCENT",
            "HIGHER_IS_BETTER",
            "MONTHLY");
    repeatPlans =
        define(
            "Children becoming the subject of a child protection plan for a second or subsequent"
                + " time",
            "PERCENT",
            "LOWER_IS_BETTER",
            "MONTHLY");
  }

  private String define(String name, String unit, String polarity, String frequency) {
    ApiResponse created =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            """
            {"name":"%s","definition":"As defined in the council's performance framework","unit":"%s","polarity":"%s","frequency":"%s"}
            """
                .formatted(name, unit, polarity, frequency));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.location()).endsWith(created.json().get("id").asText());
    return created.json().get("id").asText();
  }

  private String values(String measureId) {
    return "/councils/" + council + "/measures/" + measureId + "/values";
  }

  private ApiResponse put(String measureId, String period, String json) {
    return api.put(values(measureId) + "/" + period, manager, json);
  }

  private static void assertProblemNaming(ApiResponse response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly(field);
  }

  @Test
  void aCorrectionReplacesTheValueAndKeepsThePreviousOne() {
    ApiResponse first =
        put(
            repeatPlans,
            "2025-03",
            """
            {"value":22.4,"numerator":43,"denominator":192,"note":"Before audit"}
            """);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.location()).endsWith("/values/2025-03");
    assertThat(first.json().get("revision").asInt()).isEqualTo(1);
    assertThat(first.json().get("enteredBy").asText()).isEqualTo("user@" + council + ".example");

    ApiResponse repeated =
        put(
            repeatPlans,
            "2025-03",
            """
            {"value":22.40,"numerator":43,"denominator":192,"note":"Before audit"}
            """);
    assertThat(repeated.status()).isEqualTo(200);
    assertThat(repeated.json().get("revision").asInt()).isEqualTo(1);

    ApiResponse corrected =
        put(
            repeatPlans,
            "2025-03",
            """
            {"numerator":41,"denominator":192,"note":"Two plans were first plans"}
            """);
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);
    assertThat(corrected.json().get("value").decimalValue()).isEqualByComparingTo("21.35");

    ApiResponse list = api.get(values(repeatPlans), manager);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("value").decimalValue()).isEqualByComparingTo("21.35");
    assertThat(list.json().get(0).get("note").asText()).isEqualTo("Two plans were first plans");

    JsonNode history = api.get(values(repeatPlans) + "/2025-03", manager).json();
    assertThat(history.get("period").asText()).isEqualTo("2025-03");
    assertThat(history.get("latest").get("value").decimalValue()).isEqualByComparingTo("21.35");
    assertThat(history.get("superseded")).hasSize(1);
    JsonNode previous = history.get("superseded").get(0);
    assertThat(previous.get("revision").asInt()).isEqualTo(1);
    assertThat(previous.get("value").decimalValue()).isEqualByComparingTo("22.4");
    assertThat(previous.get("numerator").asInt()).isEqualTo(43);
    assertThat(previous.get("note").asText()).isEqualTo("Before audit");
    assertThat(previous.get("supersededBy").asText()).isEqualTo("user@" + council + ".example");
  }

  @Test
  void correctionsSentAtOnceAreAppliedOneAfterAnother() throws Exception {
    String visits =
        define(
            "Statutory visits to children in care within timescale",
            "PERCENT",
            "HIGHER_IS_BETTER",
            "MONTHLY");
    ExecutorService senders = Executors.newFixedThreadPool(6);
    try {
      List<Future<ApiResponse>> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String body = "{\"value\":" + (90 + i) + "}";
        sent.add(senders.submit(() -> put(visits, "2025-06", body)));
      }
      for (Future<ApiResponse> response : sent) {
        assertThat(response.get(30, TimeUnit.SECONDS).status()).isIn(200, 201);
      }
    } finally {
      senders.shutdownNow();
    }
    JsonNode history = api.get(values(visits) + "/2025-06", manager).json();
    assertThat(history.get("latest").get("revision").asInt()).isEqualTo(6);
    assertThat(history.get("superseded").findValues("revision"))
        .extracting(JsonNode::asInt)
        .containsExactly(5, 4, 3, 2, 1);
  }

  @Test
  void valuesAreListedOldestPeriodFirst() {
    String caseload = define("Average caseload", "COUNT", "LOWER_IS_BETTER", "MONTHLY");
    for (String period : new String[] {"2025-05", "2025-01", "2025-07", "2024-12"}) {
      assertThat(put(caseload, period, "{\"value\":19}").status()).isEqualTo(201);
    }
    assertThat(api.get(values(caseload), manager).json().findValuesAsText("period"))
        .containsExactly("2024-12", "2025-01", "2025-05", "2025-07");
  }

  @Test
  void eachRecordedValueIsAnnouncedKeyedByTheCouncil() {
    put(assessments, "2025-04", "{\"value\":81.2}");
    put(assessments, "2025-04", "{\"value\":81.2}");
    put(assessments, "2025-04", "{\"value\":83.0,\"numerator\":249,\"denominator\":300}");

    List<JsonNode> announced = new ArrayList<>();
    for (String message :
        TestKafka.shared().read("measures.value.v1", council, Duration.ofSeconds(5))) {
      JsonNode envelope = parse(message);
      if (envelope.get("type").asText().equals("MeasureValueRecorded")
          && envelope.get("data").get("measureId").asText().equals(assessments)
          && envelope.get("data").get("period").asText().equals("2025-04")) {
        announced.add(envelope);
      }
    }
    assertThat(announced).as("one event per change; the repeat changed nothing").hasSize(2);
    JsonNode correction = announced.get(1);
    assertThat(correction.get("type").asText()).isEqualTo("MeasureValueRecorded");
    assertThat(correction.get("council").asText()).isEqualTo(council);
    assertThat(correction.get("aggregateId").asText()).isEqualTo(assessments);
    JsonNode data = correction.get("data");
    assertThat(data.get("measureName").asText())
        .isEqualTo("Single assessments completed within 45 working days");
    assertThat(data.get("unit").asText()).isEqualTo("PERCENT");
    assertThat(data.get("polarity").asText()).isEqualTo("HIGHER_IS_BETTER");
    assertThat(data.get("value").decimalValue()).isEqualByComparingTo("83");
    assertThat(data.get("denominator").asInt()).isEqualTo(300);
    assertThat(data.get("revision").asInt()).isEqualTo(2);
    assertThat(announced.get(0).get("data").get("revision").asInt()).isEqualTo(1);

    List<String> definitions =
        TestKafka.shared().read("measures.measure.v1", council, Duration.ofSeconds(2));
    assertThat(definitions)
        .anySatisfy(message -> assertThat(message).contains("MeasureDefined", assessments));
  }

  @Test
  void aPeriodMustBeAMonthThatHasBegun() {
    assertProblemNaming(put(assessments, "2025-13", "{\"value\":80}"), "period");
    assertProblemNaming(put(assessments, "2025-7", "{\"value\":80}"), "period");
    assertProblemNaming(put(assessments, "1999-12", "{\"value\":80}"), "period");
    assertProblemNaming(api.get(values(assessments) + "/july", manager), "period");

    ApiResponse future = put(assessments, "2025-08", "{\"value\":80}");
    assertProblemNaming(future, "period");
    assertThat(future.body()).contains("2025-07");
    assertThat(put(assessments, "2025-07", "{\"value\":80}").status())
        .as("July has begun in London though not in UTC")
        .isEqualTo(201);
  }

  @Test
  void aQuarterlyMeasureTakesValuesForTheQuarterEndOnly() {
    String vacancies =
        define("Social worker vacancy rate", "PERCENT", "LOWER_IS_BETTER", "QUARTERLY");
    assertProblemNaming(put(vacancies, "2025-05", "{\"value\":12.5}"), "period");
    assertThat(put(vacancies, "2025-06", "{\"value\":12.5}").status()).isEqualTo(201);
  }

  @Test
  void figuresAreCheckedAgainstTheUnitNamingTheField() {
    assertProblemNaming(put(assessments, "2025-01", "{\"value\":100.1}"), "value");
    assertProblemNaming(put(assessments, "2025-01", "{\"value\":-1}"), "value");
    assertProblemNaming(
        put(assessments, "2025-01", "{\"numerator\":301,\"denominator\":300}"), "numerator");
    assertProblemNaming(
        put(assessments, "2025-01", "{\"value\":50,\"numerator\":30}"), "denominator");
    assertProblemNaming(
        put(assessments, "2025-01", "{\"value\":95,\"numerator\":249,\"denominator\":300}"),
        "value");
    assertProblemNaming(put(assessments, "2025-01", "{\"note\":\"No data\"}"), "value");
    assertProblemNaming(
        put(assessments, "2025-01", "{\"value\":50,\"note\":\"" + "x".repeat(2001) + "\"}"),
        "note");
    assertThat(api.get(values(assessments) + "/2025-01", manager).status()).isEqualTo(404);
  }

  @Test
  void unreadableRequestsAreProblemsNotFailures() {
    assertProblemNaming(put(assessments, "2025-02", "{\"value\":80,\"colour\":\"red\"}"), "colour");

    ApiResponse malformed = put(assessments, "2025-02", "{\"value\":80,");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.isProblem()).isTrue();
    assertThat(malformed.json().get("type").asText()).endsWith("/malformed-request");

    ApiResponse notANumber = put(assessments, "2025-02", "{\"value\":\"eighty\"}");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.isProblem()).isTrue();

    ApiResponse badMeasure =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            """
            {"name":"","definition":"x","unit":"PERCENTAGE","polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY"}
            """);
    assertThat(badMeasure.status()).isEqualTo(400);
    assertThat(badMeasure.isProblem()).isTrue();

    ApiResponse notAnId = api.get("/councils/" + council + "/measures/not-a-uuid", manager);
    assertThat(notAnId.status()).isEqualTo(400);
    assertThat(notAnId.isProblem()).isTrue();

    ApiResponse unknownMeasure =
        put("00000000-0000-0000-0000-000000000000", "2025-02", "{\"value\":80}");
    assertThat(unknownMeasure.status()).isEqualTo(404);
    assertThat(unknownMeasure.isProblem()).isTrue();
  }

  @Test
  void aMeasureNameIsUsedOnceInACouncil() {
    ApiResponse again =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            """
            {"name":"single assessments completed within 45 working days ","definition":"Again","unit":"PERCENT","polarity":"HIGHER_IS_BETTER","frequency":"MONTHLY"}
            """);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
  }

  @Test
  void theCouncilSchemaHoldsTheMeasuresServicesOwnHistory() throws SQLException {
    String schema = "council_" + council.replace('-', '_');
    List<String> tables = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection(
                bed.database().jdbcUrl(), bed.database().user(), bed.database().password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    assertThat(tables)
        .contains("flyway_history_measures", "measure", "measure_value", "measure_value_revision");
  }

  private static JsonNode parse(String message) {
    try {
      return JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
