package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The risk register and issue log: scores, filters, links to the plan, changes audited. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskRegisterIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private PlanRequests plans;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/risks");
    plans = new PlanRequests(api, council, token);
  }

  private ApiResponse risk(String kind, String ref, Integer likelihood, Integer impact) {
    return plans.post(
        plans.base() + "/risks",
        """
        {"kind":"%s","ref":"%s","description":"Social worker vacancies stay high","likelihood":%s,
         "impact":%s,"owner":"Head of Workforce","mitigations":"Recruitment campaign","reviewDate":"2010-01-31"}
        """
            .formatted(kind, ref, likelihood, impact));
  }

  @Test
  void risksAreScoredIssuesAreNotAndTheRegisterIsOrderedByScore() {
    ApiResponse high = risk("RISK", "R 1", 4, 5);
    assertThat(high.status()).as(high.body()).isEqualTo(201);
    assertThat(high.json().get("score").asInt()).isEqualTo(20);
    assertThat(high.json().get("status").asText()).isEqualTo("OPEN");
    assertThat(risk("RISK", "R 2", 2, 2).json().get("score").asInt()).isEqualTo(4);
    ApiResponse issue = risk("ISSUE", "I 1", null, null);
    assertThat(issue.status()).as(issue.body()).isEqualTo(201);
    assertThat(issue.json().path("score").isMissingNode()).isTrue();

    JsonNode risks = plans.get(plans.base() + "/risks?kind=RISK").json();
    assertThat(risks.findValuesAsText("ref"))
        .containsSubsequence("R 1", "R 2")
        .doesNotContain("I 1");
    assertThat(plans.get(plans.base() + "/risks?kind=ISSUE").json().findValuesAsText("ref"))
        .containsExactly("I 1");

    ApiResponse noImpact = risk("RISK", "R 3", 3, null);
    assertThat(noImpact.status()).isEqualTo(400);
    assertThat(noImpact.body()).contains("impact");
    ApiResponse tooLikely = risk("RISK", "R 4", 6, 1);
    assertThat(tooLikely.status()).isEqualTo(400);
    assertThat(tooLikely.body()).contains("likelihood");
    assertThat(risk("RISK", "R 1", 1, 1).status()).isEqualTo(409);
  }

  @Test
  void risksLinkToPlanItemsAndActionsAndChangesAreAudited() {
    String programme = plans.programmeId("Category", "Project");
    String category = plans.itemId(programme, null, "A", "Safeguarding");
    String project = plans.actionId(programme, category, "A1", LocalDate.of(2012, 3, 31), "GREEN");
    String id = risk("RISK", "R 10", 3, 3).json().get("id").asText();

    assertThat(plans.put(plans.base() + "/risks/" + id + "/links/" + category, "").status())
        .isEqualTo(200);
    ApiResponse linked = plans.put(plans.base() + "/risks/" + id + "/links/" + project, "");
    assertThat(linked.json().get("linkedTo")).hasSize(2);
    ApiResponse nowhere =
        plans.put(
            plans.base() + "/risks/" + id + "/links/00000000-0000-0000-0000-000000000009", "");
    assertThat(nowhere.status()).isEqualTo(404);

    ApiResponse closed =
        plans.put(
            plans.base() + "/risks/" + id,
            """
            {"kind":"RISK","ref":"R 10","description":"Vacancies","likelihood":1,"impact":3,
             "owner":"Head of Workforce","status":"CLOSED"}
            """);
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("score").asInt()).isEqualTo(3);

    JsonNode trail =
        plans.get(plans.base() + "/audit?recordType=risk&recordId=" + id).json().get("items");
    assertThat(trail.findValuesAsText("change"))
        .containsExactly("UPDATED", "LINKED", "LINKED", "CREATED");
    assertThat(trail.get(0).get("before").get("status").asText()).isEqualTo("OPEN");
    assertThat(trail.get(0).get("after").get("status").asText()).isEqualTo("CLOSED");
  }
}
