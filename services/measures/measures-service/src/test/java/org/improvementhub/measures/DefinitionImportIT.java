package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A council onboards its measures from a spreadsheet: a good file defines every measure with its
 * baseline, tolerance and trajectory; a file with bad rows defines nothing and names every problem.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefinitionImportIT implements TestPropertyProvider {

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("west-sussex", "West Sussex", 938);
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(council, "PROGRAMME_MANAGER");
  private final String importPath = "/councils/" + council + "/measures/import";

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

  private ApiResponse upload(byte[] content, String contentType, String token) {
    return api.send(
        api.request(importPath, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private Map<String, JsonNode> measuresByName() {
    Map<String, JsonNode> byName = new HashMap<>();
    api.get("/councils/" + council + "/measures", manager)
        .json()
        .forEach(measure -> byName.put(measure.get("name").asText(), measure));
    return byName;
  }

  @Test
  void aGoodFileDefinesEveryMeasureWithItsTrajectory() {
    String csv =
        """
        Name,Definition,Unit,Polarity,Frequency,Owner,Data source,Baseline,Baseline date,Tolerance,Targets,Code
        WS 12 Re-referrals within 12 months,"Re-referrals as a share of referrals, rolling 12 months",percent,lower,monthly,Head of Front Door,Mosaic CS004,26.1,2024-03-31,2,2024-09=24; 2025-03=22,
        WS 31 Caseload,Average caseload of a social worker,COUNT,WITHIN_BAND,Monthly,,,,,,2024-04=15..20,
        ,,,,,,,,,,,
        Repeat child protection plans (PB),,,,,,,19.2,2024-03,1,2024-04=14.4,repeat-child-protection-plans
        """;
    ApiResponse imported = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", manager);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("defined").asInt()).isEqualTo(3);
    assertThat(imported.json().get("measures").findValuesAsText("name"))
        .containsExactly(
            "WS 12 Re-referrals within 12 months",
            "WS 31 Caseload",
            "Repeat child protection plans (PB)");

    Map<String, JsonNode> byName = measuresByName();
    String rereferrals = byName.get("WS 12 Re-referrals within 12 months").get("id").asText();
    JsonNode detail =
        api.get("/councils/" + council + "/measures/" + rereferrals, tokens.observer("*")).json();
    assertThat(detail.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
    assertThat(detail.get("dataSource").asText()).isEqualTo("Mosaic CS004");
    assertThat(detail.get("baseline").get("date").asText()).isEqualTo("2024-03-31");
    assertThat(detail.get("tolerance").decimalValue()).isEqualByComparingTo("2");
    assertThat(detail.get("targets").findValuesAsText("from"))
        .containsExactly("2024-09", "2025-03");
    assertThat(detail.get("targets").get(1).get("value").decimalValue()).isEqualByComparingTo("22");

    JsonNode caseload =
        api.get(
                "/councils/"
                    + council
                    + "/measures/"
                    + byName.get("WS 31 Caseload").get("id").asText(),
                manager)
            .json();
    assertThat(caseload.get("targets").get(0).get("lower").decimalValue())
        .isEqualByComparingTo("15");
    assertThat(caseload.get("targets").get(0).get("upper").decimalValue())
        .isEqualByComparingTo("20");

    JsonNode adopted = byName.get("Repeat child protection plans (PB)");
    assertThat(adopted.get("libraryCode").asText()).isEqualTo("repeat-child-protection-plans");
    assertThat(adopted.get("polarity").asText()).isEqualTo("LOWER_IS_BETTER");
    assertThat(adopted.get("baseline").get("date").asText()).isEqualTo("2024-03-31");
  }

  /** Found by the bench size of MeasuresFuzzIT: a NUL in a file's code cell gave a 500. */
  @Test
  void aCodeHoldingTheNulCharacterIsNotAMeasureOfTheLibrary() {
    String csv =
        "name,definition,unit,polarity,frequency,code\n"
            + "Visits,Visits on time,PERCENT,HIGHER_IS_BETTER,MONTHLY,a\u0000b\n";
    ApiResponse refused = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", manager);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValuesAsText("field")).contains("rows[2].code");
  }

  @Test
  void aFileWithBadRowsDefinesNothingAndNamesEveryProblem() {
    String csv =
        """
        name,definition,unit,polarity,frequency,baseline,baseline date,tolerance,targets,code
        Good row,Would be fine,PERCENT,HIGHER_IS_BETTER,MONTHLY,,,,2024-01=80,
        ,No name,PERCENT,HIGHER_IS_BETTER,MONTHLY,,,,,
        Bad unit,x,furlongs,sideways,fortnightly,,,,,
        Bad numbers,x,PERCENT,HIGHER_IS_BETTER,MONTHLY,-3,2024-13-01,lots,,
        Bad steps,x,PERCENT,HIGHER_IS_BETTER,MONTHLY,,,,2024-01=80; soon=90; 2024-02=120,
        Good row,Twice in one file,PERCENT,HIGHER_IS_BETTER,MONTHLY,,,,,
        Unknown code,x,PERCENT,HIGHER_IS_BETTER,MONTHLY,,,,,not-a-code
        """;
    ApiResponse rejected = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", manager);
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    assertThat(rejected.json().get("detail").asText()).startsWith("Nothing was imported");
    assertThat(rejected.json().get("errors").findValuesAsText("field"))
        .containsExactly(
            "rows[3].name",
            "rows[4].unit",
            "rows[4].polarity",
            "rows[4].frequency",
            "rows[5].baseline",
            "rows[5].baseline date",
            "rows[5].tolerance",
            "rows[6].targets",
            "rows[7].name",
            "rows[8].code");
    assertThat(measuresByName()).doesNotContainKey("Good row");

    ApiResponse strayColumn =
        upload("name,colour\nX,red\n".getBytes(StandardCharsets.UTF_8), "text/csv", manager);
    assertThat(strayColumn.json().get("errors").findValuesAsText("field"))
        .containsExactly("columns");
  }

  @Test
  void anXlsxFileAndTheTemplateWork() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Measures");
      String[][] cells = {
        {"name", "definition", "unit", "polarity", "frequency", "targets"},
        {
          "Visits within timescale (xlsx)",
          "Statutory visits in time",
          "PERCENT",
          "higher",
          "quarterly",
          "2025-03=90"
        }
      };
      for (int r = 0; r < cells.length; r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < cells[r].length; c++) {
          row.createCell(c).setCellValue(cells[r][c]);
        }
      }
      book.write(out);
      xlsx = out.toByteArray();
    }
    ApiResponse imported =
        upload(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", manager);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(measuresByName().get("Visits within timescale (xlsx)").get("frequency").asText())
        .isEqualTo("QUARTERLY");

    ApiResponse template =
        api.send(
            api.request(importPath + "/template", tokens.observer("*"))
                .header("Accept", "text/csv"));
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.body()).startsWith("name,definition,unit,polarity,frequency");

    assertThat(
            upload("name\nX\n".getBytes(StandardCharsets.UTF_8), "text/csv", tokens.observer("*"))
                .status())
        .isEqualTo(403);
  }
}
