package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Links between measures and the plan's actions and items, kept from the plans events on real
 * Kafka: a board sees an action turn Blue beside a measure still Red.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureLinksIT implements TestPropertyProvider {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("peterborough", "Peterborough", 874);
  private final String other = bed.council("walsall", "Walsall", 335);
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
  private final UUID programme = UUID.randomUUID();

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

  private String repeatPlansMeasure(String name) {
    ApiResponse created =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            ("{\"name\":\"%s\",\"definition\":\"Children becoming subject of a plan for a second"
                    + " or later time\",\"unit\":\"PERCENT\",\"polarity\":\"LOWER_IS_BETTER\","
                    + "\"frequency\":\"MONTHLY\",\"tolerance\":1,"
                    + "\"targets\":[{\"from\":\"2025-01\",\"value\":14.4}]}")
                .formatted(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().get("id").asText();
    ApiResponse value =
        api.put(
            "/councils/" + council + "/measures/" + id + "/values/2025-03",
            manager,
            "{\"value\":19.2}");
    assertThat(value.status()).as(value.body()).isEqualTo(201);
    return id;
  }

  private static String snapshot(UUID actionId, String ref, String rag, String completedOn) {
    return ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Audit repeat plans\",\"leads\":[],"
            + "\"startDate\":\"2025-01-06\",\"dueDate\":\"2025-06-30\",\"ragStatus\":\"%s\","
            + "\"completedOn\":%s,\"programmeId\":null,\"programmeManager\":null}")
        .formatted(actionId, ref, rag, completedOn == null ? "null" : "\"" + completedOn + "\"");
  }

  private void publish(String slug, String topic, String type, UUID aggregate, String data) {
    TestKafka.shared()
        .publish(
            topic,
            aggregate.toString(),
            TestCouncils.envelope(type, slug, aggregate.toString(), data));
  }

  private void actionCreated(String slug, UUID actionId, String ref) {
    publish(
        slug,
        "plans.action.v1",
        "ActionCreated",
        actionId,
        ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Audit repeat plans\",\"leadName\":null,"
                + "\"leadEmail\":null,\"dueDate\":\"2025-06-30\",\"ragStatus\":\"AMBER\","
                + "\"action\":%s}")
            .formatted(actionId, ref, snapshot(actionId, ref, "AMBER", null)));
  }

  private void itemSaved(UUID itemId, String ref, String title) {
    publish(
        council,
        "plans.item.v1",
        "PlanItemSaved",
        itemId,
        ("{\"itemId\":\"%s\",\"programmeId\":\"%s\",\"parentId\":null,\"ref\":\"%s\","
                + "\"title\":\"%s\",\"level\":1,\"levelName\":\"Priority\"}")
            .formatted(itemId, programme, ref, title));
  }

  private JsonNode awaitRecord(String kind, UUID id, String slug, String rag) {
    return api.awaitGet(
            "/councils/" + slug + "/measure-links?" + kind + "=" + id,
            tokens.councilUser(slug, "COUNCIL_ADMIN"),
            response ->
                response.status() == 200
                    && response.json().hasNonNull("record")
                    && (rag == null
                        || rag.equals(response.json().get("record").path("ragStatus").asText())),
            WAIT)
        .json();
  }

  private String links(String measureId) {
    return "/councils/" + council + "/measures/" + measureId + "/links";
  }

  @Test
  void anActionTurningBlueIsShownBesideAMeasureStillRed() {
    String measureId = repeatPlansMeasure("Repeat child protection plans");
    UUID actionId = UUID.randomUUID();

    ApiResponse unknown = api.put(links(measureId) + "/action/" + actionId, manager, "");
    assertThat(unknown.status()).as("an action plans has not announced").isEqualTo(404);
    assertThat(unknown.json().get("errors").findValuesAsText("field"))
        .containsExactly("planRecordId");

    actionCreated(council, actionId, "CP 2.1");
    assertThat(awaitRecord("action", actionId, council, "AMBER").get("measures")).isEmpty();

    ApiResponse linked = api.put(links(measureId) + "/action/" + actionId, manager, "");
    assertThat(linked.status()).as(linked.body()).isEqualTo(201);
    assertThat(api.put(links(measureId) + "/action/" + actionId, manager, "").status())
        .as("linking again changes nothing")
        .isEqualTo(200);

    publish(
        council,
        "plans.action.v1",
        "ActionCompleted",
        actionId,
        "{\"action\":%s,\"completedOn\":\"2025-04-30\"}"
            .formatted(snapshot(actionId, "CP 2.1", "BLUE", "2025-04-30")));
    JsonNode fromAction = awaitRecord("action", actionId, council, "BLUE");
    assertThat(fromAction.get("record").get("ref").asText()).isEqualTo("CP 2.1");
    assertThat(fromAction.get("record").get("completedOn").asText()).isEqualTo("2025-04-30");
    assertThat(fromAction.get("measures")).hasSize(1);
    JsonNode measure = fromAction.get("measures").get(0).get("measure");
    assertThat(measure.get("id").asText()).isEqualTo(measureId);
    assertThat(measure.get("current").get("status").asText()).isEqualTo("RED");
    assertThat(fromAction.get("measures").get(0).get("linkedBy").asText()).isNotBlank();

    JsonNode fromMeasure = api.get(links(measureId), tokens.observer("*")).json();
    assertThat(fromMeasure.get("measure").get("current").get("status").asText()).isEqualTo("RED");
    assertThat(fromMeasure.get("links")).hasSize(1);
    JsonNode record = fromMeasure.get("links").get(0).get("record");
    assertThat(record.get("kind").asText()).isEqualTo("action");
    assertThat(record.get("ragStatus").asText()).isEqualTo("BLUE");

    assertThat(api.delete(links(measureId) + "/action/" + actionId, manager).status())
        .isEqualTo(204);
    assertThat(api.get(links(measureId), manager).json().get("links")).isEmpty();
    assertThat(api.delete(links(measureId) + "/action/" + actionId, manager).status())
        .isEqualTo(404);
  }

  @Test
  void aRemovedPlanItemTakesItsLinksWithIt() {
    String measureId = repeatPlansMeasure("Repeat plans within two years");
    UUID itemId = UUID.randomUUID();
    itemSaved(itemId, "P2", "Children are protected from harm");
    awaitRecord("item", itemId, council, null);
    assertThat(api.put(links(measureId) + "/item/" + itemId, manager, "").status()).isEqualTo(201);
    assertThat(api.put(links(measureId) + "/action/" + itemId, manager, "").status())
        .as("an item is not an action")
        .isEqualTo(404);

    itemSaved(itemId, "P2", "Children are safe and protected from harm");
    JsonNode renamed =
        api.awaitGet(
                links(measureId),
                manager,
                response ->
                    response
                        .json()
                        .get("links")
                        .get(0)
                        .get("record")
                        .get("title")
                        .asText()
                        .startsWith("Children are safe"),
                WAIT)
            .json();
    assertThat(renamed.get("links").get(0).get("record").get("levelName").asText())
        .isEqualTo("Priority");

    publish(
        council,
        "plans.item.v1",
        "PlanItemRemoved",
        itemId,
        "{\"itemId\":\"%s\",\"programmeId\":\"%s\"}".formatted(itemId, programme));
    api.awaitGet(
        links(measureId), manager, response -> response.json().get("links").isEmpty(), WAIT);
    assertThat(
            api.get("/councils/" + council + "/measure-links?item=" + itemId, manager)
                .json()
                .get("record")
                .isNull())
        .isTrue();
  }

  @Test
  void badRequestsNameTheirFieldAndOnlyWritersLinkInTheirOwnCouncil() {
    String measureId = repeatPlansMeasure("Repeat plans (isolation)");
    UUID actionId = UUID.randomUUID();
    actionCreated(council, actionId, "CP 3.4");
    awaitRecord("action", actionId, council, null);

    assertThat(
            api.put(links(measureId) + "/risk/" + actionId, manager, "")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("kind");
    assertThat(
            api.get("/councils/" + council + "/measure-links", manager)
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("action");
    assertThat(
            api.get("/councils/" + council + "/measure-links?action=nope", manager)
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("action");
    assertThat(
            api.put(
                    "/councils/"
                        + council
                        + "/measures/"
                        + UUID.randomUUID()
                        + "/links/action/"
                        + actionId,
                    manager,
                    "")
                .status())
        .isEqualTo(404);

    for (String reader :
        new String[] {
          tokens.observer("*"),
          tokens.councilUser(council, "BOARD_MEMBER"),
          tokens.councilUser(council, "ACTION_LEAD")
        }) {
      assertThat(api.put(links(measureId) + "/action/" + actionId, reader, "").status())
          .isEqualTo(403);
      assertThat(api.get(links(measureId), reader).status()).isEqualTo(200);
    }
    assertThat(api.put(links(measureId) + "/action/" + actionId, manager, "").status())
        .isEqualTo(201);
    assertThat(api.delete(links(measureId) + "/action/" + actionId, tokens.observer("*")).status())
        .isEqualTo(403);

    String otherAdmin = tokens.councilUser(other, "COUNCIL_ADMIN");
    assertThat(api.get(links(measureId), otherAdmin).status()).isEqualTo(404);
    assertThat(api.put(links(measureId) + "/action/" + actionId, otherAdmin, "").status())
        .isEqualTo(404);
    assertThat(
            api.get("/councils/" + council + "/measure-links?action=" + actionId, otherAdmin)
                .status())
        .isEqualTo(404);
    assertThat(
            api.get("/councils/" + other + "/measure-links?action=" + actionId, otherAdmin)
                .json()
                .get("record")
                .isNull())
        .as("the other council never heard of this council's action")
        .isTrue();
  }
}
