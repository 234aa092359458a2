package org.improvementhub.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.improvementhub.tenancy.TenancyTestSupport.newCouncil;
import static org.improvementhub.tenancy.TenancyTestSupport.query;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A platform admin provisions a council: registry row, schema and {@code CouncilProvisioned} in one
 * go; the council turns ACTIVE once plans, measures and notifications have all answered, and is
 * announced active once, however often an answer is delivered.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilProvisioningIT implements TestPropertyProvider {

  private static final String COUNCIL_TOPIC = "tenancy.council.v1";

  private final HubTestProperties properties = TenancyTestSupport.properties();

  @Inject EmbeddedServer server;
  private HubApi api;
  private String admin;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void signIn() {
    api = new HubApi(server.getURL().toString());
    admin =
        TenancyTestSupport.token(
            api, TenancyTestSupport.ADMIN_EMAIL, TenancyTestSupport.ADMIN_PASSWORD);
  }

  @Test
  void aProvisionedCouncilBecomesActiveOnceEveryServiceIsReady() {
    String slug = TestCouncils.uniqueSlug("west-sussex");
    String schema = "council_" + slug.replace('-', '_');

    ApiResponse created = api.post("/councils", admin, newCouncil(slug, "West Sussex", 938));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.location()).endsWith("/councils/" + slug);
    assertThat(created.json().get("status").asText()).isEqualTo("PROVISIONING");
    assertThat(created.json().get("laCode").asInt()).isEqualTo(938);
    assertThat(created.json().get("servicesReady")).isEmpty();
    assertThat(
            query(
                properties.database(),
                "SELECT nspname FROM pg_namespace WHERE nspname = ?",
                schema))
        .containsExactly(schema);

    List<String> provisioned = eventsOfType(slug, "CouncilProvisioned");
    assertThat(provisioned).hasSize(1);
    assertThat(provisioned.get(0))
        .contains("\"slug\":\"" + slug + "\"")
        .contains("\"schema\":\"" + schema + "\"")
        .contains("\"laCode\":938");

    ready(UUID.randomUUID(), slug, "plans", "1");
    ready(UUID.randomUUID(), slug, "measures", "1");
    ApiResponse partly = awaitCouncil(slug, c -> c.json().get("servicesReady").size() == 2);
    assertThat(partly.json().get("status").asText()).isEqualTo("PROVISIONING");
    assertThat(partly.json().get("servicesReady").toString()).isEqualTo("[\"measures\",\"plans\"]");

    ready(UUID.randomUUID(), slug, "notifications", "1");
    ApiResponse active = awaitCouncil(slug, c -> "ACTIVE".equals(c.json().get("status").asText()));
    assertThat(active.json().get("activatedAt").isNull()).isFalse();
    assertThat(active.json().get("servicesReady").toString())
        .isEqualTo("[\"measures\",\"notifications\",\"plans\"]");

    List<String> activated = eventsOfType(slug, "CouncilActivated");
    assertThat(activated).hasSize(1);
    assertThat(activated.get(0)).contains("\"name\":\"West Sussex\"");
  }

  @Test
  void anAnswerDeliveredTwiceIsCountedOnce() {
    String slug = TestCouncils.uniqueSlug("walsall");
    assertThat(api.post("/councils", admin, newCouncil(slug, "Walsall", 335)).status())
        .isEqualTo(201);

    // plans answers twice with the same event, then once more with a newer schema version; the
    // newer version shows both earlier deliveries were handled (one topic, one key: in order).
    UUID plansReady = UUID.randomUUID();
    ready(plansReady, slug, "plans", "1");
    ready(plansReady, slug, "plans", "1");
    ready(UUID.randomUUID(), slug, "plans", "2");
    ready(UUID.randomUUID(), slug, "measures", "1");
    awaitVersion(slug, "plans", "2");
    ApiResponse council = awaitCouncil(slug, c -> c.json().get("servicesReady").size() == 2);
    assertThat(council.json().get("status").asText())
        .as("three deliveries from two services are not three services")
        .isEqualTo("PROVISIONING");

    // the last answer arrives twice: the council is activated and announced once
    UUID notificationsReady = UUID.randomUUID();
    ready(notificationsReady, slug, "notifications", "1");
    ready(notificationsReady, slug, "notifications", "1");
    ready(UUID.randomUUID(), slug, "notifications", "2");
    awaitVersion(slug, "notifications", "2");
    assertThat(api.get("/councils/" + slug, admin).json().get("status").asText())
        .isEqualTo("ACTIVE");
    assertThat(eventsOfType(slug, "CouncilActivated")).hasSize(1);
    assertThat(
            query(
                properties.database(),
                "SELECT event_id FROM tenancy.inbox_event WHERE council = ? ORDER BY applied_at",
                slug))
        .hasSize(5)
        .containsOnlyOnce(plansReady.toString(), notificationsReady.toString());
  }

  @Test
  void answersForUnregisteredCouncilsAreIgnored() {
    String stranger = TestCouncils.uniqueSlug("nowhere");
    String slug = TestCouncils.uniqueSlug("peterborough");
    assertThat(api.post("/councils", admin, newCouncil(slug, "Peterborough", 874)).status())
        .isEqualTo(201);
    ready(UUID.randomUUID(), stranger, "plans", "1");
    ready(UUID.randomUUID(), slug, "plans", "1");
    awaitVersion(slug, "plans", "1");
    assertThat(
            query(
                properties.database(),
                "SELECT slug FROM tenancy.council_service_readiness WHERE slug = ?",
                stranger))
        .isEmpty();
    assertThat(api.get("/councils/" + stranger, admin).status()).isEqualTo(404);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "West-Sussex",
        "1council",
        "a",
        "council_with_underscores",
        "x; DROP SCHEMA tenancy CASCADE",
        "a-slug-that-is-far-too-long-to-be-any-council-name"
      })
  void aSlugThatBreaksTheRuleIsRefusedNamingTheField(String slug) {
    ApiResponse response =
        api.post(
            "/councils",
            admin,
            "{\"slug\":\"%s\",\"name\":\"Bad\",\"laCode\":999}".formatted(slug));
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("slug");
    assertThat(
            query(
                properties.database(),
                "SELECT slug FROM tenancy.registered_council WHERE la_code = 999"))
        .isEmpty();
  }

  @Test
  void nameAndLaCodeAreChecked() {
    String slug = TestCouncils.uniqueSlug("nameless");
    ApiResponse noName =
        api.post("/councils", admin, "{\"slug\":\"%s\",\"laCode\":400}".formatted(slug));
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("errors").findValuesAsText("field")).containsExactly("name");

    for (int laCode : new int[] {99, 1000}) {
      ApiResponse badCode = api.post("/councils", admin, newCouncil(slug, "Somewhere", laCode));
      assertThat(badCode.status()).isEqualTo(400);
      assertThat(badCode.isProblem()).isTrue();
      assertThat(badCode.json().get("errors").findValuesAsText("field")).containsExactly("laCode");
    }
    assertThat(api.get("/councils/" + slug, admin).status()).isEqualTo(404);
  }

  @Test
  void aSecondCouncilWithTheSameSlugOrLaCodeIsAConflict() {
    String slug = TestCouncils.uniqueSlug("nottinghamshire");
    assertThat(api.post("/councils", admin, newCouncil(slug, "Nottinghamshire", 891)).status())
        .isEqualTo(201);

    ApiResponse sameSlug = api.post("/councils", admin, newCouncil(slug, "Notts again", 892));
    assertThat(sameSlug.status()).isEqualTo(409);
    assertThat(sameSlug.isProblem()).isTrue();

    ApiResponse sameCode =
        api.post(
            "/councils", admin, newCouncil(TestCouncils.uniqueSlug("copycat"), "Copycat", 891));
    assertThat(sameCode.status()).isEqualTo(409);
    assertThat(sameCode.isProblem()).isTrue();
    assertThat(sameCode.json().get("detail").asText()).contains("891");

    assertThat(eventsOfType(slug, "CouncilProvisioned")).hasSize(1);
  }

  @Test
  void aSchemaThatExistsAlreadyIsAConflictAndLeavesNoRegistryRow() {
    String slug = TestCouncils.uniqueSlug("squatted");
    TenancyTestSupport.execute(
        properties.database(), "CREATE SCHEMA council_" + slug.replace('-', '_'));
    ApiResponse response = api.post("/councils", admin, newCouncil(slug, "Squatted", 501));
    assertThat(response.status()).as(response.body()).isEqualTo(409);
    assertThat(response.isProblem()).isTrue();
    assertThat(api.get("/councils/" + slug, admin).status()).isEqualTo(404);
  }

  @Test
  void onlyPlatformAdminsProvision() {
    String slug = TestCouncils.uniqueSlug("sneaky");
    TestTokens tokens = TestTokens.shared();
    for (String token :
        new String[] {tokens.councilUser(slug, "COUNCIL_ADMIN"), tokens.observer("*")}) {
      ApiResponse response = api.post("/councils", token, newCouncil(slug, "Sneaky", 777));
      assertThat(response.status()).isEqualTo(403);
      assertThat(response.isProblem()).isTrue();
    }
    assertThat(api.post("/councils", null, newCouncil(slug, "Sneaky", 777)).status())
        .isEqualTo(401);
    assertThat(api.get("/councils/" + slug, admin).status()).isEqualTo(404);
  }

  @Test
  void tokensFromTheTestIssuerAreAcceptedToo() {
    ApiResponse response = api.get("/councils", TestTokens.shared().platformAdmin());
    assertThat(response.status()).isEqualTo(200);
  }

  private void ready(UUID eventId, String slug, String service, String version) {
    TestKafka.shared()
        .publish(
            service + ".council-schema.v1",
            slug,
            TestCouncils.envelope(
                eventId,
                "CouncilSchemaReady",
                slug,
                slug,
                "{\"slug\":\"%s\",\"service\":\"%s\",\"schemaVersion\":\"%s\"}"
                    .formatted(slug, service, version)));
  }

  private List<String> eventsOfType(String slug, String type) {
    return TestKafka.shared().read(COUNCIL_TOPIC, slug, Duration.ofSeconds(4)).stream()
        .filter(event -> event.contains("\"type\":\"" + type + "\""))
        .toList();
  }

  private ApiResponse awaitCouncil(String slug, Predicate<ApiResponse> condition) {
    return api.awaitGet(
        "/councils/" + slug,
        admin,
        response -> response.status() == 200 && condition.test(response),
        Duration.ofSeconds(30));
  }

  private void awaitVersion(String slug, String service, String version) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                query(
                        properties.database(),
                        "SELECT schema_version FROM tenancy.council_service_readiness"
                            + " WHERE slug = ? AND service = ?",
                        slug,
                        service)
                    .contains(version));
  }
}
