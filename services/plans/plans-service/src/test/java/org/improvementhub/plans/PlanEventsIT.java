package org.improvementhub.plans;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plan items and drivers are announced on their topics whenever they change, and every action event
 * carries the action's plan item, driver refs and latest review note: read from the real Kafka
 * topics the outbox relay publishes to.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanEventsIT implements TestPropertyProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private PlanRequests plans;
  private PlanFiles files;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
    files = new PlanFiles(api, server.getURL().toString(), council, token);
  }

  @Test
  void itemsAreAnnouncedWhenCreatedChangedMovedAndRemoved() {
    String programme = plans.programmeId("Category", "Project");
    String first = plans.itemId(programme, null, "C1", "Early help");
    String second = plans.itemId(programme, null, "C2", "Front door");
    ApiResponse renamed =
        plans.patch(
            plans.base() + "/programmes/" + programme + "/items/" + second,
            "{\"title\":\"Front door and MASH\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(
            plans
                .put(
                    plans.base() + "/programmes/" + programme + "/items/" + second + "/placement",
                    "{\"position\":0}")
                .status())
        .isEqualTo(200);
    assertThat(
            plans
                .api()
                .delete(plans.base() + "/programmes/" + programme + "/items/" + first, token)
                .status())
        .isEqualTo(204);

    List<JsonNode> events =
        await(
            "plans.item.v1",
            all ->
                count(all, "PlanItemRemoved", first) == 1
                    && count(all, "PlanItemSaved", second) >= 3);
    JsonNode created = of(events, "PlanItemSaved", first).get(0).get("data");
    assertThat(created.get("ref").asText()).isEqualTo("C1");
    assertThat(created.get("level").asInt()).isEqualTo(1);
    assertThat(created.get("levelName").asText()).isEqualTo("Category");
    assertThat(created.get("programmeId").asText()).isEqualTo(programme);
    List<JsonNode> secondEvents = of(events, "PlanItemSaved", second);
    assertThat(secondEvents).hasSize(3);
    assertThat(secondEvents.get(2).get("data").get("title").asText())
        .isEqualTo("Front door and MASH");
    JsonNode removed = of(events, "PlanItemRemoved", first).get(0).get("data");
    assertThat(removed.get("programmeId").asText()).isEqualTo(programme);
  }

  @Test
  void driversAreAnnouncedWithEveryLinkedActionAndActionEventsCarryTheirPlace() {
    String programme = plans.programmeId("Category", "Project");
    String category = plans.itemId(programme, null, "D1", "Leadership");
    String action = plans.actionId(programme, category, "D1.1", LocalDate.of(2030, 3, 31), "GREEN");
    String other = plans.actionId(programme, category, "D1.2", LocalDate.of(2030, 3, 31), "GREEN");
    ApiResponse driver =
        plans.post(
            plans.base() + "/drivers",
            "{\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 7\",\"text\":\"Ensure plans are"
                + " effective\",\"timeframe\":\"IMMEDIATELY\",\"programmeId\":\""
                + programme
                + "\"}");
    assertThat(driver.status()).as(driver.body()).isEqualTo(201);
    String driverId = driver.json().get("id").asText();
    assertThat(plans.put(plans.base() + "/drivers/" + driverId + "/actions/" + action, "").status())
        .isEqualTo(200);
    assertThat(plans.put(plans.base() + "/drivers/" + driverId + "/actions/" + other, "").status())
        .isEqualTo(200);
    assertThat(
            plans
                .api()
                .delete(plans.base() + "/drivers/" + driverId + "/actions/" + other, token)
                .status())
        .isEqualTo(200);
    ApiResponse report =
        plans.post(
            plans.base() + "/actions/" + action + "/progress-reports",
            "{\"period\":\"2011-11\",\"ragStatus\":\"AMBER\",\"note\":\"Recovery plan agreed\"}");
    assertThat(report.status()).as(report.body()).isEqualTo(201);

    List<JsonNode> driverEvents =
        await("plans.driver.v1", all -> count(all, "DriverSaved", driverId) >= 4);
    List<JsonNode> saved = of(driverEvents, "DriverSaved", driverId);
    assertThat(saved).hasSize(4);
    assertThat(saved.get(0).get("data").path("actionIds")).isEmpty();
    assertThat(saved.get(0).get("data").get("timeframe").asText()).isEqualTo("IMMEDIATELY");
    assertThat(ids(saved.get(2).get("data").get("actionIds")))
        .containsExactlyInAnyOrder(action, other);
    assertThat(ids(saved.get(3).get("data").get("actionIds"))).containsExactly(action);

    List<JsonNode> actionEvents =
        await("plans.action.v1", all -> count(all, "ActionProgressReported", action) == 1);
    JsonNode snapshot =
        of(actionEvents, "ActionProgressReported", action).get(0).get("data").get("action");
    assertThat(snapshot.get("planItemId").asText()).isEqualTo(category);
    assertThat(ids(snapshot.get("driverRefs"))).containsExactly("OR 7");
    assertThat(snapshot.get("latestReviewNote").asText()).isEqualTo("Recovery plan agreed");
  }

  @Test
  void anImportAnnouncesItsItemsDriversAndActionsWhole() {
    String programme = files.importedProgramme(PlanFiles.peterborough());
    List<JsonNode> items =
        await(
            "plans.item.v1",
            all ->
                all.stream()
                        .filter(e -> programme.equals(e.get("data").path("programmeId").asText()))
                        .count()
                    == 5);
    assertThat(
            items.stream()
                .filter(e -> programme.equals(e.get("data").path("programmeId").asText()))
                .map(e -> e.get("data").get("ref").asText()))
        .containsExactlyInAnyOrder("1", "1.1", "2", "2.1", "2.2");

    List<JsonNode> drivers =
        await(
            "plans.driver.v1",
            all ->
                all.stream()
                        .filter(e -> programme.equals(e.get("data").path("programmeId").asText()))
                        .count()
                    == 3);
    JsonNode in31 =
        drivers.stream()
            .filter(e -> programme.equals(e.get("data").path("programmeId").asText()))
            .map(e -> e.get("data"))
            .filter(d -> d.get("ref").asText().equals("IN 3.1"))
            .findFirst()
            .orElseThrow();
    assertThat(in31.get("actionIds")).hasSize(2);

    List<JsonNode> actions =
        await(
            "plans.action.v1",
            all ->
                all.stream()
                        .filter(
                            e ->
                                e.get("type").asText().equals("ActionCreated")
                                    && programme.equals(
                                        e.get("data").path("action").path("programmeId").asText()))
                        .count()
                    == 4);
    JsonNode audit =
        actions.stream()
            .filter(e -> e.get("type").asText().equals("ActionCreated"))
            .map(e -> e.get("data").get("action"))
            .filter(
                a ->
                    programme.equals(a.path("programmeId").asText())
                        && a.get("ref").asText().equals("2.1.1"))
            .findFirst()
            .orElseThrow();
    assertThat(audit.get("ragStatus").asText()).isEqualTo("AMBER");
    assertThat(audit.get("dueDate").asText()).isEqualTo("2012-03-31");
    assertThat(ids(audit.get("driverRefs"))).containsExactlyInAnyOrder("OR 13", "IN 3.1");
    assertThat(audit.get("latestReviewNote").asText())
        .isEqualTo("Tool delayed, recovery plan agreed");
    assertThat(audit.get("planItemId").asText()).isNotBlank();
  }

  /** Reads the council's events on {@code topic} until {@code done} holds (or 60 seconds). */
  private List<JsonNode> await(String topic, Predicate<List<JsonNode>> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<JsonNode> events = List.of();
    while (System.nanoTime() < deadline) {
      events = parse(TestKafka.shared().read(topic, council, Duration.ofSeconds(2)));
      if (done.test(events)) {
        return events;
      }
    }
    throw new AssertionError("Not seen on " + topic + " in time: " + events);
  }

  private static List<JsonNode> parse(List<String> values) {
    List<JsonNode> events = new ArrayList<>();
    for (String value : values) {
      try {
        events.add(JSON.readTree(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return events;
  }

  private static List<JsonNode> of(List<JsonNode> events, String type, String aggregate) {
    return events.stream()
        .filter(e -> e.get("type").asText().equals(type))
        .filter(e -> e.get("aggregateId").asText().equals(aggregate))
        .toList();
  }

  private static long count(List<JsonNode> events, String type, String aggregate) {
    return of(events, type, aggregate).size();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
