package org.improvementhub.measures;

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
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Measures follows tenancy's {@code CouncilStatusChanged}: a suspended council's users get 423. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilStatusIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String lead = TestTokens.shared().councilUser(council, "PROGRAMME_MANAGER");
  private final String observer = TestTokens.shared().observer("*");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall", 335);
    api.awaitGet(
        "/councils/" + council + "/measures", lead, r -> r.status() == 200, Duration.ofSeconds(30));
  }

  private void announce(String status) {
    String data =
        ("{\"slug\":\"%s\",\"name\":\"Walsall\",\"previousStatus\":\"ACTIVE\","
                + "\"status\":\"%s\",\"reason\":\"test\"}")
            .formatted(council, status);
    TestKafka.shared()
        .publish(
            "tenancy.council.v1",
            council,
            TestCouncils.envelope("CouncilStatusChanged", council, council, data));
  }

  @Test
  void aSuspendedCouncilsUsersAreRefusedAndObserversStillRead() {
    announce("SUSPENDED");
    ApiResponse refused =
        api.awaitGet(
            "/councils/" + council + "/measures",
            lead,
            r -> r.status() == 423,
            Duration.ofSeconds(30));
    assertThat(refused.json().get("type").asText()).endsWith("council-suspended");
    assertThat(api.get("/councils/" + council + "/measures", observer).status()).isEqualTo(200);

    announce("ACTIVE");
    api.awaitGet(
        "/councils/" + council + "/measures", lead, r -> r.status() == 200, Duration.ofSeconds(30));
  }
}
