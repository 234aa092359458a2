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
 * Programmes and the plan tree each council names itself: periods from start and cadence, refs
 * given or generated and unique, levels enforced, items moved and re-ordered, the tree read whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanTreeIT implements TestPropertyProvider {

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
    HubApi api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
  }

  @Test
  void aProgrammeHasItsTriggerBoardLevelsAndMonthlyPeriods() {
    ApiResponse created =
        plans.programme("Safeguarding Improvement Plan", null, "Pillar", "Outcome", "Action");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode programme = plans.get(created.location()).json();
    assertThat(programme.get("reportingCadence").asText()).isEqualTo("MONTHLY");
    assertThat(programme.get("trigger").get("judgement").asText()).isEqualTo("Inadequate");
    assertThat(programme.get("improvementBoard").asText())
        .isEqualTo("Peterborough Improvement Board");
    assertThat(programme.get("programmeManager").get("email").asText())
        .isEqualTo("pat.manager@example.org");
    assertThat(programme.get("levelNames").toString())
        .isEqualTo("[\"Pillar\",\"Outcome\",\"Action\"]");
    JsonNode periods = programme.get("periods");
    assertThat(periods).hasSize(18);
    assertThat(periods.get(0).get("key").asText()).isEqualTo("2011-10");
    assertThat(periods.get(0).get("label").asText()).isEqualTo("October 2011");
    assertThat(periods.get(17).get("label").asText()).isEqualTo("March 2013");
    assertThat(programme.get("ragDescriptions").get("RED").asText())
        .isEqualTo("Not on track: the Board must act");
    assertThat(programme.get("ragDescriptions").get("BLUE").asText()).isEqualTo("Complete");
  }

  @Test
  void quarterlyPeriodsAreNamedByTheirMonths() {
    ApiResponse created = plans.programme("Quarterly plan", "QUARTERLY", "Priority", "Action");
    JsonNode periods = created.json().get("periods");
    assertThat(periods).hasSize(6);
    assertThat(periods.get(0).get("key").asText()).isEqualTo("2011-10");
    assertThat(periods.get(0).get("label").asText()).isEqualTo("October to December 2011");
    assertThat(periods.get(1).get("label").asText()).isEqualTo("January to March 2012");
  }

  @Test
  void badProgrammesAreRejectedNamingTheField() {
    ApiResponse fiveLevels = plans.programme("Too deep", null, "A", "B", "C", "D", "E");
    assertThat(fiveLevels.status()).isEqualTo(400);
    assertThat(fiveLevels.body()).contains("levelNames");

    ApiResponse noDate =
        plans.post(
            plans.base() + "/programmes",
            PlanRequests.programmeJson("No date", null, "Action")
                .replace("\"date\":\"2011-08-12\",", ""));
    assertThat(noDate.status()).isEqualTo(400);
    assertThat(noDate.body()).contains("trigger.date");
  }

  @Test
  void refsAreGeneratedFromPlaceOrGivenAndUniqueInThePlan() {
    String programme = plans.programmeId("Pillar", "Outcome", "Action");
    ApiResponse first = plans.item(programme, null, null, "Leadership");
    ApiResponse second = plans.item(programme, null, null, "Quality of practice");
    assertThat(first.json().get("ref").asText()).isEqualTo("1");
    assertThat(first.json().get("level").asText()).isEqualTo("Pillar");
    assertThat(second.json().get("ref").asText()).isEqualTo("2");
    String leadership = first.json().get("id").asText();
    ApiResponse outcome = plans.item(programme, leadership, null, "Leaders are visible");
    assertThat(outcome.json().get("ref").asText()).isEqualTo("1.1");
    assertThat(outcome.json().get("level").asText()).isEqualTo("Outcome");
    assertThat(plans.item(programme, leadership, "1.5", "Given ref").json().get("ref").asText())
        .isEqualTo("1.5");

    ApiResponse duplicate = plans.item(programme, leadership, "1.1", "Again");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.isProblem()).isTrue();

    String outcomeId = outcome.json().get("id").asText();
    ApiResponse tooDeep = plans.item(programme, outcomeId, null, "An item at the action level");
    assertThat(tooDeep.status()).isEqualTo(400);
    assertThat(tooDeep.body()).contains("parentId");

    assertThat(
            plans
                .action(programme, outcomeId, "1.1.1", LocalDate.of(2012, 2, 29), "GREEN")
                .status())
        .isEqualTo(201);
    ApiResponse actionUnderPillar =
        plans.action(programme, leadership, "1.9.9", LocalDate.of(2012, 2, 29), "GREEN");
    assertThat(actionUnderPillar.status()).isEqualTo(400);
    assertThat(actionUnderPillar.body()).contains("parentId").contains("Outcome");
    ApiResponse refOfAnItem =
        plans.action(programme, outcomeId, "1.5", LocalDate.of(2012, 2, 29), "GREEN");
    assertThat(refOfAnItem.status()).isEqualTo(409);
  }

  @Test
  void theWholeTreeIsReadNestedAndInOrder() {
    String programme = plans.programmeId("Pillar", "Outcome", "Action");
    String pillar1 = plans.itemId(programme, null, "1", "Leadership");
    String pillar2 = plans.itemId(programme, null, "2", "Practice");
    String outcome11 = plans.itemId(programme, pillar1, "1.1", "Visible leaders");
    String outcome21 = plans.itemId(programme, pillar2, "2.1", "Good supervision");
    plans.actionId(programme, outcome11, "1.1.2", LocalDate.of(2012, 3, 31), "AMBER");
    plans.actionId(programme, outcome11, "1.1.1", LocalDate.of(2012, 2, 29), "GREEN");
    plans.actionId(programme, outcome21, "2.1.1", LocalDate.of(2012, 4, 30), "RED");
    // 1.1.1 was added second: put it first
    ApiResponse tree = plans.get(plans.base() + "/programmes/" + programme + "/tree");
    String firstAction =
        tree.json()
            .get("nodes")
            .get(0)
            .get("children")
            .get(0)
            .get("children")
            .get(1)
            .get("id")
            .asText();
    assertThat(
            plans
                .put(
                    plans.base() + "/actions/" + firstAction + "/placement",
                    "{\"parentId\":\"" + outcome11 + "\",\"position\":0}")
                .status())
        .isEqualTo(200);

    JsonNode nodes =
        plans.get(plans.base() + "/programmes/" + programme + "/tree").json().get("nodes");
    assertThat(refs(nodes)).containsExactly("1", "2");
    JsonNode leadership = nodes.get(0);
    assertThat(leadership.get("kind").asText()).isEqualTo("ITEM");
    assertThat(leadership.get("level").asText()).isEqualTo("Pillar");
    assertThat(refs(leadership.get("children"))).containsExactly("1.1");
    JsonNode actions = leadership.get("children").get(0).get("children");
    assertThat(refs(actions)).containsExactly("1.1.1", "1.1.2");
    assertThat(actions.get(0).get("kind").asText()).isEqualTo("ACTION");
    assertThat(actions.get(0).get("level").asText()).isEqualTo("Action");
    assertThat(actions.get(0).get("ragStatus").asText()).isEqualTo("GREEN");
    assertThat(refs(nodes.get(1).get("children").get(0).get("children"))).containsExactly("2.1.1");
  }

  @Test
  void itemsAreReorderedAndMovedKeepingTheirLevel() {
    String programme = plans.programmeId("Category", "Project");
    String a = plans.itemId(programme, null, "A", "Safeguarding");
    String b = plans.itemId(programme, null, "B", "Looked after children");
    String c = plans.itemId(programme, null, "C", "Workforce");
    ApiResponse reorder =
        plans.put(
            plans.base() + "/programmes/" + programme + "/items/" + c + "/placement",
            "{\"parentId\":null,\"position\":0}");
    assertThat(reorder.status()).as(reorder.body()).isEqualTo(200);
    assertThat(reorder.json().get("position").asInt()).isZero();
    JsonNode nodes =
        plans.get(plans.base() + "/programmes/" + programme + "/tree").json().get("nodes");
    assertThat(refs(nodes)).containsExactly("C", "A", "B");
    assertThat(positions(nodes)).containsExactly(0, 1, 2);

    String programme3 = plans.programmeId("Pillar", "Outcome", "Action");
    String p1 = plans.itemId(programme3, null, "1", "Leadership");
    String p2 = plans.itemId(programme3, null, "2", "Practice");
    plans.itemId(programme3, p1, "1.1", "Visible leaders");
    String o12 = plans.itemId(programme3, p1, "1.2", "Clear accountability");
    plans.itemId(programme3, p2, "2.1", "Good supervision");
    plans.actionId(programme3, o12, "1.2.1", LocalDate.of(2012, 5, 31), "GREY");

    ApiResponse move =
        plans.put(
            plans.base() + "/programmes/" + programme3 + "/items/" + o12 + "/placement",
            "{\"parentId\":\"" + p2 + "\",\"position\":0}");
    assertThat(move.status()).as(move.body()).isEqualTo(200);
    JsonNode tree =
        plans.get(plans.base() + "/programmes/" + programme3 + "/tree").json().get("nodes");
    assertThat(refs(tree.get(0).get("children"))).containsExactly("1.1");
    assertThat(positions(tree.get(0).get("children"))).containsExactly(0);
    assertThat(refs(tree.get(1).get("children"))).containsExactly("1.2", "2.1");
    assertThat(positions(tree.get(1).get("children"))).containsExactly(0, 1);
    assertThat(refs(tree.get(1).get("children").get(0).get("children"))).containsExactly("1.2.1");

    ApiResponse toTheTop =
        plans.put(
            plans.base() + "/programmes/" + programme3 + "/items/" + o12 + "/placement",
            "{\"parentId\":null,\"position\":0}");
    assertThat(toTheTop.status()).isEqualTo(400);
    assertThat(toTheTop.body()).contains("parentId").contains("Pillar");

    ApiResponse fewerLevels =
        plans.put(
            plans.base() + "/programmes/" + programme3,
            PlanRequests.programmeJson("Fewer levels", null, "Priority", "Action"));
    assertThat(fewerLevels.status()).isEqualTo(400);
    assertThat(fewerLevels.body()).contains("levelNames");
  }

  @Test
  void itemWordsChangeAndRefsStayUnique() {
    String programme = plans.programmeId("Ofsted area", "Action");
    String item = plans.itemId(programme, null, "1", "Help and protection");
    plans.itemId(programme, null, "2", "Children in care");
    ApiResponse changed =
        plans.patch(
            plans.base() + "/programmes/" + programme + "/items/" + item,
            "{\"title\":\"Help and protection of children\",\"owner\":\"Head of Safeguarding\"}");
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().get("title").asText()).isEqualTo("Help and protection of children");
    assertThat(changed.json().get("successCriteria").asText()).isEqualTo("Children are safer");
    ApiResponse clash =
        plans.patch(
            plans.base() + "/programmes/" + programme + "/items/" + item, "{\"ref\":\"2\"}");
    assertThat(clash.status()).isEqualTo(409);
  }

  @Test
  void onlyEmptyItemsAreRemovedAndTheRemovalIsAudited() {
    String programme = plans.programmeId("Pillar", "Outcome", "Action");
    String first = plans.itemId(programme, null, "1", "Leadership");
    String second = plans.itemId(programme, null, "2", "Practice");
    plans.itemId(programme, null, "3", "Partnership");
    String outcome = plans.itemId(programme, second, "2.1", "Supervision");
    String items = plans.base() + "/programmes/" + programme + "/items/";

    ApiResponse notEmpty = plans.api().delete(items + second, plans.token());
    assertThat(notEmpty.status()).isEqualTo(409);
    assertThat(notEmpty.isProblem()).isTrue();
    assertThat(plans.api().delete(items + outcome, plans.token()).status()).isEqualTo(204);
    assertThat(plans.api().delete(items + second, plans.token()).status()).isEqualTo(204);
    assertThat(plans.get(items + second).status()).isEqualTo(404);
    assertThat(plans.api().delete(items + second, plans.token()).status()).isEqualTo(404);

    JsonNode nodes =
        plans.get(plans.base() + "/programmes/" + programme + "/tree").json().get("nodes");
    assertThat(refs(nodes)).containsExactly("1", "3");
    assertThat(positions(nodes)).containsExactly(0, 1);
    JsonNode trail =
        plans
            .get(plans.base() + "/audit?recordType=plan-item&recordId=" + second)
            .json()
            .get("items");
    assertThat(trail.get(0).get("change").asText()).isEqualTo("DELETED");
    assertThat(trail.get(0).get("before").get("ref").asText()).isEqualTo("2");
    assertThat(first).isNotBlank();
  }

  private static List<String> refs(JsonNode nodes) {
    List<String> refs = new ArrayList<>();
    nodes.forEach(n -> refs.add(n.get("ref").asText()));
    return refs;
  }

  private static List<Integer> positions(JsonNode nodes) {
    List<Integer> positions = new ArrayList<>();
    nodes.forEach(n -> positions.add(n.get("position").asInt()));
    return positions;
  }
}
