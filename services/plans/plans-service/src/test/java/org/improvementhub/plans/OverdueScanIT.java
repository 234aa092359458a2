package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.improvementhub.plans.overdue.OverdueScan;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The overdue scan announces each overdue action once per due date, through the outbox. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueScanIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final String token = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  @Inject OverdueScan scan;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/actions");
  }

  private ApiResponse create(String ref, LocalDate due, String rag) {
    return api.post(
        "/councils/" + council + "/actions",
        token,
        """
        {"ref":"%s","title":"Recruit permanent team managers","lead":{"name":"Alex Lead","email":"alex@notts.example"},"dueDate":"%s","ragStatus":"%s"}
        """
            .formatted(ref, due, rag));
  }

  @Test
  void eachOverdueActionIsAnnouncedOnceAndCompleteOnesNever() {
    String overdue =
        create("5.1.1", LocalDate.now().minusDays(3), "AMBER").json().get("id").asText();
    String complete =
        create("5.1.2", LocalDate.now().minusDays(3), "BLUE").json().get("id").asText();
    String future =
        create("5.1.3", LocalDate.now().plusDays(30), "GREEN").json().get("id").asText();

    ApiResponse first = api.post("/councils/" + council + "/overdue-scans", token, "");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("newlyOverdue").asInt()).isEqualTo(1);
    assertThat(scan.scanAll()).isZero();

    List<String> events =
        TestKafka.shared().read("plans.action.v1", council, Duration.ofSeconds(4));
    List<String> overdueEvents =
        events.stream().filter(e -> e.contains("\"type\":\"ActionFellOverdue\"")).toList();
    assertThat(overdueEvents).hasSize(1);
    assertThat(overdueEvents.get(0)).contains(overdue).contains("\"ref\":\"5.1.1\"");
    assertThat(String.join("\n", overdueEvents)).doesNotContain(complete).doesNotContain(future);
    assertThat(events.stream().filter(e -> e.contains("\"type\":\"ActionCreated\""))).hasSize(3);
  }

  @Test
  void observersCannotRunTheScan() {
    ApiResponse response =
        api.post("/councils/" + council + "/overdue-scans", TestTokens.shared().observer("*"), "");
    assertThat(response.status()).isEqualTo(403);
  }
}
