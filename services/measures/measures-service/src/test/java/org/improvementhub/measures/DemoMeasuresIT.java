package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo councils' measures and values files (module demo-councils) import through the API
 * exactly as a council's own spreadsheets would, whole, with the statuses the documents imply.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMeasuresIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final TestTokens tokens = TestTokens.shared();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  private static String file(String council, String name) {
    String path = "/demo-councils/" + council + "/" + name;
    try (InputStream in = DemoMeasuresIT.class.getResourceAsStream(path)) {
      return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long dataRows(String csv) {
    return csv.lines().skip(1).filter(line -> !line.isBlank()).count();
  }

  @ParameterizedTest
  @CsvSource({
    "west-sussex, West Sussex, 938, 43",
    "peterborough, Peterborough, 874, 10",
    "walsall, Walsall, 335, 12",
    "nottinghamshire, Nottinghamshire, 891, 9"
  })
  void eachCouncilsFilesImportWhole(String demo, String name, int laCode, int measureCount) {
    HubApi api = new HubApi(server.getURL().toString());
    String council = TestCouncils.uniqueSlug(demo);
    String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
    TestCouncils.provision(properties.database(), council, name, laCode);
    api.awaitGet(
        "/councils/" + council + "/measures",
        manager,
        response -> response.status() == 200,
        Duration.ofSeconds(30));

    String measures = file(demo, "measures.csv");
    ApiResponse defined = post(api, "/councils/" + council + "/measures/import", manager, measures);
    assertThat(defined.status()).as(defined.body()).isEqualTo(200);
    assertThat(defined.json().get("defined").asInt())
        .isEqualTo(measureCount)
        .isEqualTo((int) dataRows(measures));

    String values = file(demo, "values.csv");
    long recorded = 0;
    for (String chunk : chunks(values)) {
      ApiResponse imported =
          post(api, "/councils/" + council + "/measures/values/import", manager, chunk);
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
      recorded += imported.json().get("recorded").asLong();
    }
    assertThat(recorded).isEqualTo(dataRows(values));

    JsonNode list = api.get("/councils/" + council + "/measures", manager).json();
    assertThat(list).hasSize(measureCount);
    Map<String, JsonNode> byName = new HashMap<>();
    list.forEach(measure -> byName.put(measure.get("name").asText(), measure));
    assertThat(list.findValues("current"))
        .as("every measure has a latest value")
        .hasSize(measureCount);
    if (demo.equals("peterborough")) {
      JsonNode repeat = byName.get("Children subject to a CP plan for a second or subsequent time");
      assertThat(repeat.get("libraryCode").asText()).isEqualTo("repeat-child-protection-plans");
      assertThat(repeat.get("current").get("target").get("value").decimalValue())
          .isEqualByComparingTo("14.4");
      assertThat(
              byName
                  .get("Average caseload per case holder")
                  .get("current")
                  .get("target")
                  .get("value")
                  .decimalValue())
          .isEqualByComparingTo("20");
    }
    if (demo.equals("west-sussex")) {
      JsonNode supervision = byName.get("WS 42 Open cases with supervision within 6 weeks");
      JsonNode detail =
          api.get("/councils/" + council + "/measures/" + supervision.get("id").asText(), manager)
              .json();
      assertThat(detail.get("targets").findValuesAsText("from"))
          .containsExactly("2019-10", "2020-03");
    }
  }

  /**
   * The file in parts of at most {@value #CHUNK} rows, each with the header: a thousand rows with
   * their events take longer than the test client waits on a shared build machine.
   */
  private static java.util.List<String> chunks(String csv) {
    java.util.List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (int from = 1; from < lines.size(); from += CHUNK) {
      parts.add(
          lines.get(0)
              + "\n"
              + String.join("\n", lines.subList(from, Math.min(lines.size(), from + CHUNK)))
              + "\n");
    }
    return parts;
  }

  private static final int CHUNK = 150;

  private static ApiResponse post(HubApi api, String path, String token, String csv) {
    return api.send(
        api.request(path, token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)));
  }
}
