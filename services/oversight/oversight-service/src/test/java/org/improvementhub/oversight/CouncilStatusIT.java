package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The dashboard shows each council's status as tenancy announced it: suspended, archived, back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilStatusIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final TestKafka kafka = TestKafka.shared();
  private final String observer = TestTokens.shared().observer("*");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void anActiveCouncil() {
    api = new HubApi(server.getURL().toString());
    publish(
        "CouncilProvisioned",
        "{\"slug\":\"%s\",\"name\":\"Walsall Council\",\"laCode\":335,\"schema\":\"x\"}"
            .formatted(walsall));
    publish(
        "CouncilActivated", "{\"slug\":\"%s\",\"name\":\"Walsall Council\"}".formatted(walsall));
    awaitStatus("ACTIVE");
  }

  private void publish(String type, String data) {
    kafka.publish(
        "tenancy.council.v1", walsall, TestCouncils.envelope(type, walsall, walsall, data));
  }

  private void announce(String from, String to) {
    publish(
        "CouncilStatusChanged",
        ("{\"slug\":\"%s\",\"name\":\"Walsall Council\",\"previousStatus\":\"%s\","
                + "\"status\":\"%s\",\"reason\":\"test\"}")
            .formatted(walsall, from, to));
  }

  private JsonNode awaitStatus(String status) {
    return api.awaitGet(
            "/oversight/councils/" + walsall,
            observer,
            r -> r.status() == 200 && status.equals(r.json().get("status").asText()),
            Duration.ofSeconds(30))
        .json();
  }

  @Test
  void suspendedThenArchivedThenReinstatedOnTheDashboard() {
    announce("ACTIVE", "SUSPENDED");
    assertThat(awaitStatus("SUSPENDED").get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(api.get("/oversight/councils", observer).body())
        .contains("\"council\":\"" + walsall + "\"");

    announce("SUSPENDED", "ARCHIVED");
    assertThat(awaitStatus("ARCHIVED").get("name").asText()).isEqualTo("Walsall Council");
    JsonNode dashboard = api.get("/oversight/councils", observer).json();
    boolean listedAsArchived = false;
    for (JsonNode council : dashboard.isArray() ? dashboard : dashboard.path("councils")) {
      if (council.path("council").asText().equals(walsall)) {
        listedAsArchived = council.get("status").asText().equals("ARCHIVED");
      }
    }
    assertThat(listedAsArchived).as(dashboard.toString()).isTrue();

    announce("ARCHIVED", "ACTIVE");
    assertThat(awaitStatus("ACTIVE").get("laCode").asInt()).isEqualTo(335);
  }
}
