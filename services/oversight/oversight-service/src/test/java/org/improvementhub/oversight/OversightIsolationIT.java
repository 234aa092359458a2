package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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
 * Two councils with identical plans: an observer scoped to one never learns of the other; council
 * users never reach the observer API; nobody writes to it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightIsolationIT implements TestPropertyProvider {

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
  void twoCouncilsWithIdenticalPlans() {
    api = new HubApi(server.getURL().toString());
    for (String council : new String[] {walsall, peterborough}) {
      TenancyEvents.provisioned(council, "Same name", 100);
      UUID id = UUID.randomUUID();
      TestKafka.shared()
          .publish(
              "plans.action.v1",
              council,
              TestCouncils.envelope(
                  "ActionCreated",
                  council,
                  id.toString(),
                  ("{\"actionId\":\"%s\",\"ref\":\"1.1\",\"title\":\"Same\",\"leadName\":\"L\","
                          + "\"leadEmail\":\"l@example.org\",\"dueDate\":\"2030-01-01\",\"ragStatus\":\"RED\"}")
                      .formatted(id)));
    }
    for (String council : new String[] {walsall, peterborough}) {
      api.awaitGet(
          "/oversight/councils/" + council,
          tokens.observer("*"),
          r -> r.status() == 200 && r.json().get("totalActions").asInt() == 1,
          Duration.ofSeconds(30));
    }
  }

  @Test
  void anObserverScopedToOneCouncilNeverSeesTheOther() {
    String observer = tokens.observer(walsall);
    ApiResponse list = api.get("/oversight/councils", observer);
    assertThat(list.json().findValuesAsText("council")).containsExactly(walsall);
    ApiResponse other = api.get("/oversight/councils/" + peterborough, observer);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.isProblem()).isTrue();
    assertThat(other.body()).doesNotContain("Same name");
    ApiResponse otherTrend = api.get("/oversight/councils/" + peterborough + "/trend", observer);
    assertThat(otherTrend.status()).isEqualTo(404);
    assertThat(otherTrend.isProblem()).isTrue();
    assertThat(api.get("/oversight/councils/" + walsall + "/trend", observer).status())
        .isEqualTo(200);
  }

  /**
   * A council name that is no slug is not found, and is never sent to PostgreSQL: {@code %00} was a
   * 500 (the NUL reached a query; found by OversightFuzzIT).
   */
  @Test
  void aCouncilNameThatIsNoSlugIsNotFound() {
    for (String token : new String[] {tokens.observer("*"), tokens.platformAdmin()}) {
      for (String path :
          new String[] {
            "/oversight/councils/%00",
            "/oversight/councils/%00/trend",
            "/oversight/councils/a%00b",
            "/oversight/councils/Walsall%20Council/trend"
          }) {
        ApiResponse answer = api.get(path, token);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(404);
        assertThat(answer.isProblem()).as(path).isTrue();
      }
    }
  }

  @Test
  void councilUsersOfEitherCouncilAreRefused() {
    for (String council : new String[] {walsall, peterborough}) {
      for (String role : new String[] {"COUNCIL_ADMIN", "PROGRAMME_MANAGER", "BOARD_MEMBER"}) {
        String token = tokens.councilUser(council, role);
        assertThat(api.get("/oversight/councils", token).status()).isEqualTo(403);
        assertThat(api.get("/oversight/councils/" + council, token).status()).isEqualTo(403);
        assertThat(api.get("/oversight/councils/" + council + "/trend", token).status())
            .isEqualTo(403);
      }
    }
  }

  @Test
  void nobodyWritesToTheObserverApi() {
    for (String token : new String[] {tokens.observer("*"), tokens.platformAdmin()}) {
      ApiResponse post = api.post("/oversight/councils/" + walsall, token, "{}");
      assertThat(post.status()).isIn(403, 405);
      ApiResponse delete = api.send(api.request("/oversight/councils/" + walsall, token).DELETE());
      assertThat(delete.status()).isIn(403, 405);
      ApiResponse put =
          api.send(
              api.request("/oversight/councils/" + walsall, token)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(put.status()).isIn(403, 405);
      ApiResponse trend = api.post("/oversight/councils/" + walsall + "/trend", token, "{}");
      assertThat(trend.status()).isIn(403, 405);
    }
    ApiResponse rebuild = api.post("/oversight/rebuild", tokens.observer("*"), "");
    assertThat(rebuild.status()).isEqualTo(403);
  }
}
