package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two councils with identical actions: each council's token sees only its own, the other's ids
 * answer 404, observers read but cannot write.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansIsolationIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final TestTokens tokens = TestTokens.shared();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provisionTwoCouncils() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), walsall, "Walsall", 335);
    TestCouncils.provision(properties.database(), peterborough, "Peterborough", 874);
    for (String council : new String[] {walsall, peterborough}) {
      api.awaitGet(
          "/councils/" + council + "/actions",
          tokens.councilUser(council, "PROGRAMME_MANAGER"),
          response -> response.status() == 200,
          Duration.ofSeconds(30));
    }
  }

  private String actionJson(String ref) {
    return """
        {"ref":"%s","title":"Audit every child protection plan","lead":{"name":"Sam Lead","email":"sam@example.org"},"dueDate":"2030-03-31","ragStatus":"GREEN"}
        """
        .formatted(ref);
  }

  private ApiResponse create(String council, String ref) {
    return api.post(
        "/councils/" + council + "/actions",
        tokens.councilUser(council, "PROGRAMME_MANAGER"),
        actionJson(ref));
  }

  @Test
  void identicalDataStaysWithinEachCouncil() {
    ApiResponse inWalsall = create(walsall, "1.1.1");
    ApiResponse inPeterborough = create(peterborough, "1.1.1");
    assertThat(inWalsall.status()).isEqualTo(201);
    assertThat(inPeterborough.status()).isEqualTo(201);
    String walsallId = inWalsall.json().get("id").asText();
    String peterboroughId = inPeterborough.json().get("id").asText();

    ApiResponse walsallList =
        api.get("/councils/" + walsall + "/actions", tokens.councilUser(walsall, "BOARD_MEMBER"));
    assertThat(walsallList.json().findValuesAsText("id"))
        .contains(walsallId)
        .doesNotContain(peterboroughId);

    ApiResponse crossId =
        api.get(
            "/councils/" + walsall + "/actions/" + peterboroughId,
            tokens.councilUser(walsall, "PROGRAMME_MANAGER"));
    assertThat(crossId.status()).isEqualTo(404);
    assertThat(crossId.isProblem()).isTrue();
  }

  @Test
  void aTokenForAnotherCouncilIsToldNothing() {
    String id = create(peterborough, "2.1.1").json().get("id").asText();
    ApiResponse response =
        api.get(
            "/councils/" + peterborough + "/actions/" + id,
            tokens.councilUser(walsall, "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.body()).doesNotContain("Audit every");

    ApiResponse write =
        api.post(
            "/councils/" + peterborough + "/actions",
            tokens.councilUser(walsall, "COUNCIL_ADMIN"),
            actionJson("9.9.9"));
    assertThat(write.status()).isEqualTo(404);
  }

  @Test
  void observersReadEveryCouncilInScopeButCannotWrite() {
    String id = create(walsall, "3.1.1").json().get("id").asText();
    ApiResponse read = api.get("/councils/" + walsall + "/actions/" + id, tokens.observer("*"));
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("ref").asText()).isEqualTo("3.1.1");

    ApiResponse write =
        api.post("/councils/" + walsall + "/actions", tokens.observer("*"), actionJson("3.1.2"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.isProblem()).isTrue();

    ApiResponse outOfScope =
        api.get("/councils/" + walsall + "/actions", tokens.observer(peterborough));
    assertThat(outOfScope.status()).isEqualTo(404);
  }

  @Test
  void boardMembersReadButCannotWrite() {
    ApiResponse write =
        api.post(
            "/councils/" + walsall + "/actions",
            tokens.councilUser(walsall, "BOARD_MEMBER"),
            actionJson("4.1.1"));
    assertThat(write.status()).isEqualTo(403);
  }

  @Test
  void anUnknownCouncilIs404() {
    ApiResponse response =
        api.get(
            "/councils/nowhere-at-all/actions",
            tokens.councilUser("nowhere-at-all", "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
  }
}
