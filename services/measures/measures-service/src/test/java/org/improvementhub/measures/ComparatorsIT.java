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

/** England and statistical-neighbour averages per measure and year, kept within each council. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparatorsIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final String other = bed.council("walsall", "Walsall", 335);
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String comparators;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
    ApiResponse adopted =
        api.post(
            "/councils/" + council + "/measures/adopt",
            manager,
            "{\"code\":\"repeat-child-protection-plans\"}");
    assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
    comparators =
        "/councils/" + council + "/measures/" + adopted.json().get("id").asText() + "/comparators";
  }

  @Test
  void yearlyAveragesAreSetReplacedAndRead() {
    ApiResponse first =
        api.put(
            comparators + "/2023",
            manager,
            "{\"england\":23.3,\"statisticalNeighbours\":21.9,\"source\":\"DfE CIN census 2023\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    api.put(comparators + "/2024", manager, "{\"england\":23.6}");
    ApiResponse replaced =
        api.put(comparators + "/2023", manager, "{\"england\":23.4,\"statisticalNeighbours\":22}");
    assertThat(replaced.status()).isEqualTo(200);

    JsonNode years = api.get(comparators, tokens.observer("*")).json();
    assertThat(years.findValuesAsText("year")).containsExactly("2023", "2024");
    assertThat(years.get(0).get("england").decimalValue()).isEqualByComparingTo("23.4");
    assertThat(years.get(0).get("statisticalNeighbours").decimalValue()).isEqualByComparingTo("22");
    assertThat(years.get(1).has("statisticalNeighbours")).isFalse();
  }

  @Test
  void badInputNamesTheFieldAndOnlyWritersWriteInTheirOwnCouncil() {
    assertThat(
            api.put(comparators + "/23", manager, "{\"england\":1}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("year");
    assertThat(
            api.put(comparators + "/2022", manager, "{\"england\":101}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("england");
    assertThat(
            api.put(comparators + "/2022", manager, "{\"source\":\"x\"}")
                .json()
                .get("errors")
                .findValuesAsText("field"))
        .containsExactly("england", "statisticalNeighbours");

    assertThat(api.put(comparators + "/2022", tokens.observer("*"), "{\"england\":1}").status())
        .isEqualTo(403);
    assertThat(
            api.put(
                    comparators + "/2022",
                    tokens.councilUser(council, "BOARD_MEMBER"),
                    "{\"england\":1}")
                .status())
        .isEqualTo(403);
    String otherAdmin = tokens.councilUser(other, "COUNCIL_ADMIN");
    assertThat(api.get(comparators, otherAdmin).status()).isEqualTo(404);
    assertThat(api.put(comparators + "/2022", otherAdmin, "{\"england\":1}").status())
        .isEqualTo(404);
    String measureId = comparators.split("/")[4];
    assertThat(
            api.get("/councils/" + other + "/measures/" + measureId + "/comparators", otherAdmin)
                .status())
        .as("the other council's own path does not reach this measure")
        .isEqualTo(404);
    assertThat(api.get(comparators, manager).json().findValuesAsText("year"))
        .doesNotContain("2022");
  }
}
