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
 * The lists page ({@code page}, {@code size}, {@code X-Total-Count}) and filter: programmes, plan
 * items, drivers, risks and issues; the audit trail by actor and date range.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanListsIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");
  private final String otherToken = bed.token(council, "COUNCIL_ADMIN");

  @Inject EmbeddedServer server;
  private PlanRequests plans;
  private PlanFiles files;
  private String programme;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    HubApi api = bed.start(server.getURL(), "/programmes");
    plans = new PlanRequests(api, council, token);
    files = new PlanFiles(api, server.getURL().toString(), council, token);
    programme = files.importedProgramme(PlanFiles.peterborough());
  }

  @Test
  void programmesPageAndFilterByNameAndTrigger() {
    plans.programmeId("Ofsted area", "Action");
    plans.programmeId("Ofsted area", "Action");
    ApiResponse first = plans.get(plans.base() + "/programmes?size=2&page=0");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).hasSize(2);
    assertThat(total(plans.base() + "/programmes?size=2&page=0")).isEqualTo(3);
    assertThat(plans.get(plans.base() + "/programmes?size=2&page=1").json()).hasSize(1);
    ApiResponse named = plans.get(plans.base() + "/programmes?name=children");
    assertThat(named.json()).hasSize(1);
    assertThat(named.json().get(0).get("id").asText()).isEqualTo(programme);
    assertThat(total(plans.base() + "/programmes?triggerKind=PEER_REVIEW")).isZero();
    assertThat(plans.get(plans.base() + "/programmes?size=0").status()).isEqualTo(400);
    assertThat(plans.get(plans.base() + "/programmes?page=-1").body()).contains("page");
  }

  @Test
  void itemsPageAndFilterByLevelParentAndOwner() {
    String items = plans.base() + "/programmes/" + programme + "/items";
    ApiResponse all = plans.get(items);
    assertThat(all.status()).isEqualTo(200);
    assertThat(total(items)).isEqualTo(5);
    assertThat(refs(plans.get(items + "?level=1"))).containsExactly("1", "2");
    assertThat(refs(plans.get(items + "?level=outcome"))).containsExactly("1.1", "2.1", "2.2");
    String pillar2 = all.json().get(1).get("id").asText();
    assertThat(refs(plans.get(items + "?parentId=" + pillar2))).containsExactly("2.1", "2.2");
    assertThat(refs(plans.get(items + "?owner=safeguarding"))).containsExactly("2");
    ApiResponse page = plans.get(items + "?size=2&page=2");
    assertThat(refs(page)).containsExactly("2.2");
    assertThat(total(items + "?size=2&page=2")).isEqualTo(5);
  }

  @Test
  void driversFilterByKindTimeframeAndCoverage() {
    String drivers = plans.base() + "/drivers";
    assertThat(
            refs(plans.get(drivers + "?programmeId=" + programme + "&kind=OFSTED_RECOMMENDATION")))
        .containsExactly("OR 1", "OR 13");
    assertThat(
            refs(plans.get(drivers + "?programmeId=" + programme + "&timeframe=WITHIN_3_MONTHS")))
        .containsExactly("OR 13");
    String lonely =
        plans
            .post(drivers, "{\"kind\":\"PEER_REVIEW\",\"ref\":\"PR 9\",\"text\":\"Supervision\"}")
            .json()
            .get("id")
            .asText();
    assertThat(refs(plans.get(drivers + "?covered=false")))
        .contains("PR 9")
        .doesNotContain("OR 13");
    assertThat(refs(plans.get(drivers + "?covered=true"))).contains("OR 13").doesNotContain("PR 9");
    ApiResponse paged = plans.get(drivers + "?size=1&page=0");
    assertThat(paged.json()).hasSize(1);
    assertThat(total(drivers + "?size=1&page=0")).isGreaterThanOrEqualTo(4);
    assertThat(lonely).isNotBlank();
  }

  @Test
  void risksAndIssuesPageAndFilterByOwnerAndLink() {
    String action =
        plans
            .get(plans.base() + "/actions?programmeId=" + programme + "&rag=RED")
            .json()
            .get(0)
            .get("id")
            .asText();
    String risk =
        plans
            .post(
                plans.base() + "/risks",
                "{\"kind\":\"RISK\",\"ref\":\"R 1\",\"description\":\"Agency social workers leave\","
                    + "\"likelihood\":4,\"impact\":5,\"owner\":\"Head of HR\",\"status\":\"OPEN\"}")
            .json()
            .get("id")
            .asText();
    plans.post(
        plans.base() + "/risks",
        "{\"kind\":\"ISSUE\",\"ref\":\"I 1\",\"description\":\"Caseloads high\",\"owner\":\"Head of"
            + " Service\",\"status\":\"OPEN\"}");
    assertThat(plans.put(plans.base() + "/risks/" + risk + "/links/" + action, "").status())
        .isEqualTo(200);
    assertThat(refs(plans.get(plans.base() + "/risks?owner=hr"))).containsExactly("R 1");
    assertThat(refs(plans.get(plans.base() + "/risks?linkedTo=" + action))).containsExactly("R 1");
    assertThat(refs(plans.get(plans.base() + "/risks?kind=ISSUE"))).containsExactly("I 1");
    ApiResponse page = plans.get(plans.base() + "/risks?size=1&page=1");
    assertThat(refs(page)).containsExactly("I 1");
    assertThat(total(plans.base() + "/risks?size=1&page=1")).isEqualTo(2);
  }

  @Test
  void theAuditTrailFiltersByActorAndDateRange() {
    plans
        .api()
        .post(
            plans.base() + "/drivers",
            otherToken,
            "{\"kind\":\"OTHER\",\"ref\":\"X 1\",\"text\":\"Someone else's driver\"}");
    String admin = "user@" + council + ".example";
    JsonNode mine = plans.get(plans.base() + "/audit?actor=" + admin + "&size=200").json();
    assertThat(mine.get("total").asLong()).isPositive();
    mine.get("items").forEach(e -> assertThat(e.get("actor").asText()).isEqualTo(admin));
    LocalDate today = LocalDate.now();
    long all = plans.get(plans.base() + "/audit").json().get("total").asLong();
    long todays =
        plans
            .get(plans.base() + "/audit?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
            .json()
            .get("total")
            .asLong();
    assertThat(todays).isEqualTo(all);
    assertThat(
            plans
                .get(plans.base() + "/audit?from=2001-01-01&to=2001-12-31")
                .json()
                .get("total")
                .asLong())
        .isZero();
    assertThat(plans.get(plans.base() + "/audit?from=2001-02-01&to=2001-01-01").status())
        .isEqualTo(400);
    assertThat(plans.get(plans.base() + "/audit?from=yesterday").status()).isEqualTo(400);
  }

  /** How many the list says match, from its X-Total-Count header. */
  private long total(String path) {
    return Long.parseLong(
        files
            .download(path, "application/json")
            .headers()
            .firstValue("X-Total-Count")
            .orElseThrow());
  }

  private static List<String> refs(ApiResponse response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> refs = new ArrayList<>();
    response.json().forEach(node -> refs.add(node.get("ref").asText()));
    return refs;
  }
}
