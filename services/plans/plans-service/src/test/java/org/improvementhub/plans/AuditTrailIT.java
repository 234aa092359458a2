package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every change to programmes, items, actions and drivers leaves an entry: who, when, what it was
 * before and after. The trail is read per record and per council, and cannot be altered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  private final String actor = "user@" + council + ".example";

  @Inject EmbeddedServer server;
  private PlanRequests plans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/audit");
    plans = new PlanRequests(api, council, token);
  }

  private JsonNode trail(String recordType, String recordId) {
    ApiResponse response =
        plans.get(plans.base() + "/audit?recordType=" + recordType + "&recordId=" + recordId);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("items");
  }

  private static List<String> changes(JsonNode entries) {
    List<String> changes = new ArrayList<>();
    entries.forEach(e -> changes.add(e.get("change").asText()));
    return changes;
  }

  @Test
  void programmeChangesAreRecordedWithBeforeAndAfter() {
    String programme = plans.programmeId("Ofsted area", "Action");
    ApiResponse renamed =
        plans.put(
            plans.base() + "/programmes/" + programme,
            PlanRequests.programmeJson(
                "Practice Improvement Plan", "QUARTERLY", "Ofsted area", "Action"));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

    JsonNode entries = trail("programme", programme);
    assertThat(changes(entries)).containsExactly("UPDATED", "CREATED");
    JsonNode update = entries.get(0);
    assertThat(update.get("actor").asText()).isEqualTo(actor);
    assertThat(update.get("occurredAt").asText()).isNotBlank();
    assertThat(update.get("before").get("name").asText())
        .isEqualTo("Safeguarding Improvement Plan");
    assertThat(update.get("after").get("name").asText()).isEqualTo("Practice Improvement Plan");
    assertThat(update.get("before").get("reportingCadence").asText()).isEqualTo("MONTHLY");
    assertThat(update.get("after").get("reportingCadence").asText()).isEqualTo("QUARTERLY");
    assertThat(entries.get(1).has("before") && !entries.get(1).get("before").isNull()).isFalse();
  }

  @Test
  void itemActionAndDriverChangesAreRecorded() {
    String programme = plans.programmeId("Ofsted area", "Action");
    String first = plans.itemId(programme, null, "1", "Help and protection");
    plans.itemId(programme, null, "2", "Children in care");
    plans.put(
        plans.base() + "/programmes/" + programme + "/items/" + first + "/placement",
        "{\"parentId\":null,\"position\":1}");
    JsonNode item = trail("plan-item", first);
    assertThat(changes(item)).containsExactly("MOVED", "CREATED");
    assertThat(item.get(0).get("before").get("position").asInt()).isZero();
    assertThat(item.get(0).get("after").get("position").asInt()).isEqualTo(1);

    String action = plans.actionId(programme, first, "1.1", LocalDate.of(2020, 3, 31), "GREY");
    plans.post(
        plans.base() + "/actions/" + action + "/progress-reports",
        "{\"period\":\"2011-12\",\"ragStatus\":\"AMBER\",\"note\":\"Behind\"}");
    plans.post(
        plans.base() + "/actions/" + action + "/due-date-revisions",
        "{\"dueDate\":\"2020-06-30\",\"reason\":\"Agreed by the Board\"}");
    plans.patch(plans.base() + "/actions/" + action, "{\"title\":\"Audit all plans\"}");
    JsonNode actionTrail = trail("action", action);
    assertThat(changes(actionTrail))
        .containsExactly("UPDATED", "DUE_DATE_REVISED", "PROGRESS_REPORTED", "CREATED");
    assertThat(actionTrail.get(2).get("before").get("ragStatus").asText()).isEqualTo("GREY");
    assertThat(actionTrail.get(2).get("after").get("ragStatus").asText()).isEqualTo("AMBER");
    assertThat(actionTrail.get(1).get("before").get("effectiveDueDate").asText())
        .isEqualTo("2020-03-31");
    assertThat(actionTrail.get(1).get("after").get("effectiveDueDate").asText())
        .isEqualTo("2020-06-30");
    assertThat(actionTrail.get(0).get("after").get("title").asText()).isEqualTo("Audit all plans");

    ApiResponse driver =
        plans.post(
            plans.base() + "/drivers",
            "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 4\",\"text\":\"Improve audits\",\"timeframe\":\"IMMEDIATELY\"}");
    String driverId = driver.json().get("id").asText();
    plans.put(plans.base() + "/drivers/" + driverId + "/actions/" + action, "");
    JsonNode driverTrail = trail("driver", driverId);
    assertThat(changes(driverTrail)).containsExactly("ACTION_LINKED", "CREATED");
    assertThat(driverTrail.get(0).get("after").get("actionId").asText()).isEqualTo(action);
  }

  @Test
  void theCouncilsTrailIsPaged() {
    plans.programmeId("Priority", "Action");
    plans.programmeId("Priority", "Action");
    plans.programmeId("Priority", "Action");
    JsonNode first = plans.get(plans.base() + "/audit?size=2&page=0").json();
    JsonNode second = plans.get(plans.base() + "/audit?size=2&page=1").json();
    assertThat(first.get("items")).hasSize(2);
    assertThat(second.get("items")).hasSize(2);
    assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(first.get("items").get(1).get("id").asLong())
        .isGreaterThan(second.get("items").get(0).get("id").asLong());
    ApiResponse tooBig = plans.get(plans.base() + "/audit?size=5000");
    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.body()).contains("size");
  }

  @Test
  void theTrailCannotBeChangedByTheApiNorInTheDatabase() throws SQLException {
    plans.programmeId("Priority", "Action");
    ApiResponse delete = plans.api().delete(plans.base() + "/audit", token);
    assertThat(delete.status()).isEqualTo(405);

    PostgresEndpoint db = bed.database();
    String table = CouncilSlug.of(council).schemaName() + ".audit_entry";
    try (Connection connection =
            DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(
              () -> statement.executeUpdate("UPDATE " + table + " SET actor = 'someone'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM " + table))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(plans.get(plans.base() + "/audit").json().get("total").asLong()).isPositive();
  }
}
