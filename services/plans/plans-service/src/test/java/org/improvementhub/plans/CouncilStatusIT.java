package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.improvementhub.plans.overdue.OverdueScan;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plans learns a council's status from tenancy's {@code CouncilStatusChanged} alone: a suspended
 * council's users are refused (423), observers still read it, nobody writes, and the overdue scan
 * passes it by; reinstated, all comes back; archived, everyone reads and nobody writes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilStatusIT implements TestPropertyProvider {

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String other = TestCouncils.uniqueSlug("peterborough");
  private final String manager = TestTokens.shared().councilUser(council, "PROGRAMME_MANAGER");
  private final String observer = TestTokens.shared().observer("*");
  private final String admin = TestTokens.shared().platformAdmin();

  @Inject EmbeddedServer server;
  @Inject OverdueScan scan;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall", 335);
    TestCouncils.provision(properties.database(), other, "Peterborough", 874);
    for (String slug : new String[] {council, other}) {
      api.awaitGet("/councils/" + slug + "/actions", admin, r -> r.status() == 200, seconds(30));
    }
  }

  private static Duration seconds(int n) {
    return Duration.ofSeconds(n);
  }

  private void announce(String status) {
    String data =
        "{\"slug\":\"%s\",\"name\":\"Walsall\",\"previousStatus\":\"ACTIVE\",\"status\":\"%s\",\"reason\":\"test\"}"
            .formatted(council, status);
    TestKafka.shared()
        .publish(
            "tenancy.council.v1",
            council,
            TestCouncils.envelope("CouncilStatusChanged", council, council, data));
  }

  private ApiResponse createOverdue(String token, String ref) {
    return api.post(
        "/councils/" + council + "/actions",
        token,
        """
        {"ref":"%s","title":"Audit case files","lead":{"name":"Alex Lead","email":"alex@walsall.example"},"dueDate":"%s","ragStatus":"AMBER"}
        """
            .formatted(ref, LocalDate.now().minusDays(2)));
  }

  private ApiResponse actions(String token) {
    return api.get("/councils/" + council + "/actions", token);
  }

  @Test
  void suspendedReinstatedAndArchivedAsTenancyAnnouncedThem() {
    assertThat(createOverdue(manager, "1.1").status()).isEqualTo(201);

    announce("SUSPENDED");
    ApiResponse refused =
        api.awaitGet(
            "/councils/" + council + "/actions", manager, r -> r.status() == 423, seconds(30));
    assertThat(refused.status()).isEqualTo(423);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().get("type").asText()).endsWith("council-suspended");
    assertThat(actions(observer).status()).as("observers still read it").isEqualTo(200);
    assertThat(createOverdue(admin, "1.2").status()).as("nobody writes").isEqualTo(423);
    assertThat(api.get("/councils/" + council + "/actions", otherCouncilUser()).status())
        .as("another council's user still learns nothing")
        .isEqualTo(404);
    assertThat(scan.scanAll()).as("the overdue scan passes it by").isZero();
    assertThat(api.get("/councils/" + other + "/actions", admin).status()).isEqualTo(200);

    announce("ACTIVE");
    api.awaitGet("/councils/" + council + "/actions", manager, r -> r.status() == 200, seconds(30));
    assertThat(scan.scanAll()).as("reinstated: scanned again").isEqualTo(1);
    assertThat(createOverdue(manager, "1.3").status()).isEqualTo(201);

    announce("ARCHIVED");
    ApiResponse write = awaitStatus(() -> createOverdue(manager, "1.4"), 423, seconds(30));
    assertThat(write.json().get("type").asText()).endsWith("council-archived");
    assertThat(actions(manager).status()).as("archived: still readable").isEqualTo(200);
    assertThat(actions(observer).status()).isEqualTo(200);
    assertThat(scan.scanAll()).as("archived: out of the overdue scan").isZero();
  }

  private String otherCouncilUser() {
    return TestTokens.shared().councilUser(other, "PROGRAMME_MANAGER");
  }

  /**
   * Repeats {@code call} until it answers {@code status} (the event is consumed asynchronously).
   */
  private static ApiResponse awaitStatus(
      java.util.function.Supplier<ApiResponse> call, int status, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    ApiResponse last = call.get();
    while (last.status() != status && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      last = call.get();
    }
    return last;
  }
}
