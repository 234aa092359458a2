package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The platform-wide library: anyone signed in reads it; a council adopts a measure once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeasureLibraryIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String other = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
  }

  @Test
  void anyoneSignedInReadsTheLibrary() {
    for (String token :
        new String[] {
          tokens.councilUser(council, "BOARD_MEMBER"),
          tokens.councilUser(other, "ACTION_LEAD"),
          tokens.observer("*"),
          tokens.platformAdmin()
        }) {
      ApiResponse library = api.get("/measures/library", token);
      assertThat(library.status()).isEqualTo(200);
      assertThat(library.json().findValuesAsText("code"))
          .hasSizeGreaterThanOrEqualTo(10)
          .contains(
              "assessments-45-days",
              "repeat-child-protection-plans",
              "statutory-visits-children-in-care",
              "return-home-interviews-72-hours",
              "care-proceedings-26-weeks",
              "social-worker-vacancy-rate",
              "agency-social-worker-rate",
              "average-caseload",
              "ni-148-care-leavers-eet",
              "ni-147-care-leavers-suitable-accommodation");
    }
    JsonNode repeat = api.get("/measures/library/repeat-child-protection-plans", manager).json();
    assertThat(repeat.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
    assertThat(repeat.get("unit").asText()).isEqualTo("PERCENT");
    assertThat(repeat.get("source").asText()).contains("Children in Need census");

    ApiResponse unknown = api.get("/measures/library/no-such-measure", manager);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();

    ApiResponse anonymous = api.send(api.request("/measures/library", null).GET());
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void aCouncilAdoptsALibraryMeasureOnceWithItsOwnTargets() {
    ApiResponse adopted =
        api.post(
            "/councils/" + council + "/measures/adopt",
            manager,
            """
            {"code":"social-worker-vacancy-rate","owner":"Principal Social Worker","dataSource":"HR establishment report",
             "baseline":{"value":24,"date":"2023-03-31"},"tolerance":2,"targets":[{"from":"2024-03","value":10}]}
            """);
    assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
    String id = adopted.json().get("id").asText();
    assertThat(adopted.location()).endsWith("/measures/" + id);
    JsonNode measure = api.get("/councils/" + council + "/measures/" + id, manager).json();
    assertThat(measure.get("name").asText()).isEqualTo("Social worker vacancy rate");
    assertThat(measure.get("libraryCode").asText()).isEqualTo("social-worker-vacancy-rate");
    assertThat(measure.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
    assertThat(measure.get("frequency").asText()).isEqualTo("QUARTERLY");
    assertThat(measure.get("owner").asText()).isEqualTo("Principal Social Worker");
    assertThat(measure.get("targets").get(0).get("value").decimalValue())
        .isEqualByComparingTo("10");

    ApiResponse again =
        api.post(
            "/councils/" + council + "/measures/adopt",
            manager,
            "{\"code\":\"social-worker-vacancy-rate\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();

    ApiResponse elsewhere =
        api.post(
            "/councils/" + other + "/measures/adopt",
            tokens.councilUser(other, "COUNCIL_ADMIN"),
            "{\"code\":\"social-worker-vacancy-rate\"}");
    assertThat(elsewhere.status()).as("each council adopts for itself").isEqualTo(201);
  }

  @Test
  void adoptionIsCheckedAndGuarded() {
    ApiResponse unknown =
        api.post("/councils/" + council + "/measures/adopt", manager, "{\"code\":\"made-up\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("errors").findValuesAsText("field")).containsExactly("code");

    ApiResponse badTargets =
        api.post(
            "/councils/" + council + "/measures/adopt",
            manager,
            "{\"code\":\"average-caseload\",\"targets\":[{\"from\":\"2024-01\"}]}");
    assertThat(badTargets.status()).isEqualTo(400);
    assertThat(badTargets.json().get("errors").findValuesAsText("field"))
        .containsExactly("targets[0].value");

    String body = "{\"code\":\"ni-147-care-leavers-suitable-accommodation\"}";
    assertThat(
            api.post("/councils/" + council + "/measures/adopt", tokens.observer("*"), body)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/councils/" + council + "/measures/adopt",
                    tokens.councilUser(council, "BOARD_MEMBER"),
                    body)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/councils/" + council + "/measures/adopt",
                    tokens.councilUser(other, "COUNCIL_ADMIN"),
                    body)
                .status())
        .isEqualTo(404);
    assertThat(api.get("/councils/" + council + "/measures", manager).body())
        .doesNotContain("NI 147");
  }
}
