package org.improvementhub.measures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Importing values from CSV and XLSX over real PostgreSQL: a good file is stored whole; a file with
 * several bad rows stores nothing and names every problem by row and column.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValueImportIT implements TestPropertyProvider {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("nottinghamshire", "Nottinghamshire", 891);
  private final String manager = bed.token(council, "PROGRAMME_MANAGER");

  @Inject EmbeddedServer server;
  private HubApi api;
  private String importPath;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/measures");
    importPath = "/councils/" + council + "/measures/values/import";
  }

  private String define(String name, String unit, String polarity, String frequency) {
    ApiResponse created =
        api.post(
            "/councils/" + council + "/measures",
            manager,
            """
            {"name":"%s","definition":"As the council defines it","unit":"%s","polarity":"%s","frequency":"%s",
             "targets":[{"from":"2024-01","value":10}]}
            """
                .formatted(name, unit, polarity, frequency));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private ApiResponse upload(byte[] content, String contentType, String token) {
    return api.send(
        api.request(importPath, token)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
  }

  private JsonNode values(String measureId) {
    return api.get("/councils/" + council + "/measures/" + measureId + "/values", manager).json();
  }

  @Test
  void aGoodCsvIsStoredWhole() {
    String visits = define("Visits on time", "PERCENT", "HIGHER_IS_BETTER", "MONTHLY");
    String vacancies = define("Vacancy rate", "PERCENT", "LOWER_IS_BETTER", "QUARTERLY");
    String csv =
        """
        Measure,Period,Value,Numerator,Denominator,Note
        Visits on time,2024-01,,45,50,From the January pack
        visits on time,2024-02,92,,,
        %s,2024-03,95.5,,,
        Vacancy rate,2024-03,12,,,

        Vacancy rate,2024-06,"9.5",,,"A note, with a comma"
        """
            .formatted(visits);
    ApiResponse imported =
        upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", manager);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("rows").asInt()).isEqualTo(5);
    assertThat(imported.json().get("recorded").asInt()).isEqualTo(5);

    JsonNode visitValues = values(visits);
    assertThat(visitValues.findValuesAsText("period"))
        .containsExactly("2024-01", "2024-02", "2024-03");
    assertThat(visitValues.get(0).get("value").decimalValue()).isEqualByComparingTo("90");
    assertThat(visitValues.get(0).get("note").asText()).isEqualTo("From the January pack");
    assertThat(visitValues.get(2).get("status").asText()).isEqualTo("GREEN");
    JsonNode vacancyValues = values(vacancies);
    assertThat(vacancyValues.get(1).get("note").asText()).isEqualTo("A note, with a comma");
    assertThat(vacancyValues.get(1).get("status").asText()).isEqualTo("GREEN");
    assertThat(vacancyValues.get(1).get("trend").asText()).isEqualTo("IMPROVING");

    ApiResponse again =
        upload(
            "measure,period,value\nVisits on time,2024-02,93\nVisits on time,2024-03,95.5\n"
                .getBytes(StandardCharsets.UTF_8),
            "text/csv",
            manager);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("corrected").asInt()).isEqualTo(1);
    assertThat(again.json().get("unchanged").asInt()).isEqualTo(1);
    assertThat(values(visits).get(1).get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void aFileWithSeveralBadRowsStoresNothingAndListsEveryProblem() {
    String plans = define("Repeat plans", "PERCENT", "LOWER_IS_BETTER", "MONTHLY");
    define("Care proceedings in 26 weeks", "PERCENT", "HIGHER_IS_BETTER", "QUARTERLY");
    String csv =
        """
        measure,period,value,numerator,denominator,note
        Repeat plans,2024-01,14,,,
        Repeat plans,2024-13,14,,,
        No such measure,2024-02,14,,,
        Repeat plans,2024-03,fourteen,,,
        Repeat plans,2024-04,101,,,
        Care proceedings in 26 weeks,2024-05,60,,,
        Repeat plans,2024-06,,30,20,
        Repeat plans,2024-01,15,,,
        Repeat plans,2099-01,15,,,
        """;
    ApiResponse rejected = upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv", manager);
    assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
    assertThat(rejected.isProblem()).isTrue();
    assertThat(rejected.json().get("detail").asText()).startsWith("Nothing was imported");
    assertThat(rejected.json().get("errors").findValuesAsText("field"))
        .containsExactly(
            "rows[3].period",
            "rows[4].measure",
            "rows[5].value",
            "rows[6].value",
            "rows[7].period",
            "rows[8].numerator",
            "rows[9].period",
            "rows[10].period");
    assertThat(rejected.body()).contains("fourteen", "No such measure", "quarter");
    assertThat(values(plans)).as("row 2 was good but nothing is stored").isEmpty();
  }

  @Test
  void anXlsxWorkbookIsReadWithNumbersAndDates() throws IOException {
    String caseload = define("Average caseload", "COUNT", "LOWER_IS_BETTER", "MONTHLY");
    byte[] workbook;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Values");
      Row header = sheet.createRow(0);
      String[] columns = {"measure", "period", "value", "note"};
      for (int i = 0; i < columns.length; i++) {
        header.createCell(i).setCellValue(columns[i]);
      }
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("mmm yyyy"));
      Row first = sheet.createRow(1);
      first.createCell(0).setCellValue("Average caseload");
      first.createCell(1).setCellValue("2024-01");
      first.createCell(2).setCellValue(21.5);
      Row second = sheet.createRow(2);
      second.createCell(0).setCellValue(caseload);
      second.createCell(1).setCellValue(LocalDate.of(2024, 2, 1));
      second.getCell(1).setCellStyle(date);
      second.createCell(2).setCellValue(19);
      second.createCell(3).setCellValue("After recruitment");
      book.write(out);
      workbook = out.toByteArray();
    }
    ApiResponse imported = upload(workbook, XLSX, manager);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    JsonNode stored = values(caseload);
    assertThat(stored.findValuesAsText("period")).containsExactly("2024-01", "2024-02");
    assertThat(stored.get(0).get("value").decimalValue()).isEqualByComparingTo("21.5");
    assertThat(stored.get(1).get("value").decimalValue()).isEqualByComparingTo("19");
    assertThat(stored.get(1).get("note").asText()).isEqualTo("After recruitment");

    ApiResponse notAWorkbook = upload("not a workbook".getBytes(), XLSX, manager);
    assertThat(notAWorkbook.status()).isEqualTo(400);
    assertThat(notAWorkbook.json().get("errors").findValuesAsText("field")).containsExactly("file");
  }

  @Test
  void aMultipartFormUploadIsAccepted() {
    define("Return home interviews", "PERCENT", "HIGHER_IS_BETTER", "MONTHLY");
    String boundary = "hubboundary42";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"values.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n"
            + "measure,period,value\nReturn home interviews,2024-05,71\n"
            + "\r\n--"
            + boundary
            + "--\r\n";
    ApiResponse imported =
        upload(
            body.getBytes(StandardCharsets.UTF_8),
            "multipart/form-data; boundary=" + boundary,
            manager);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("recorded").asInt()).isEqualTo(1);
  }

  /**
   * An upload that declares more than measures' 1 MB was never answered: the form decoder failed it
   * and stopped reading, and the client waited on a full socket (MeasuresFuzzIT's "a part of
   * 11534336 bytes"). Refused at once now, with or without a valid token.
   */
  @Test
  void anUploadAboveTheLimitIsRefusedNotLeftUnanswered() {
    byte[] body =
        multipart(
            "Content-Disposition: form-data; name=\"file\"; filename=\"values.csv\"\r\n"
                + "Content-Type: text/csv",
            new byte[11 * 1024 * 1024]);
    for (String token : new String[] {manager, "not-a-token"}) {
      ApiResponse refused = upload(body, "multipart/form-data; boundary=hub", token);

      assertThat(refused.status()).as(refused.body()).isEqualTo(413);
      assertThat(refused.contentType()).contains("problem+json");
      assertThat(refused.json().get("errors").findValuesAsText("field"))
          .containsExactly("Content-Length");
    }
  }

  /** Two envelopes Netty's decoder cannot bind, each a 500 or an unnamed 400 before. */
  @Test
  void partsTheFormDecoderCannotBindAreNamed() {
    ApiResponse noDisposition =
        upload(
            multipart("X-Nothing: here\r\nContent-Type: text/csv", "measure\n".getBytes()),
            "multipart/form-data; boundary=hub",
            manager);
    assertThat(noDisposition.status()).as(noDisposition.body()).isEqualTo(400);
    assertThat(noDisposition.json().get("errors").findValuesAsText("field"))
        .containsExactly("Content-Disposition");

    ApiResponse noFileName =
        upload(
            multipart(
                "Content-Disposition: form-data; name=\"file\"\r\nContent-Type: text/csv",
                "measure\n".getBytes()),
            "multipart/form-data; boundary=hub",
            manager);
    assertThat(noFileName.status()).as(noFileName.body()).isEqualTo(400);
    assertThat(noFileName.json().get("errors").findValuesAsText("field")).containsExactly("file");
  }

  private static byte[] multipart(String partHeaders, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--hub\r\n" + partHeaders + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes("\r\n--hub--\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void theTemplateAndMissingColumnsAreExplained() {
    ApiResponse template =
        api.send(
            api.request(importPath + "/template", manager).setHeader("Accept", "text/csv").GET());
    assertThat(template.status()).isEqualTo(200);
    assertThat(template.body()).startsWith("measure,period,value,numerator,denominator,note");

    ApiResponse noMeasure =
        upload("period,value,colour\n2024-01,3,red\n".getBytes(), "text/csv", manager);
    assertThat(noMeasure.status()).isEqualTo(400);
    assertThat(noMeasure.json().get("errors").findValuesAsText("field"))
        .containsExactly("columns", "columns");
    ApiResponse empty = upload("measure,period,value\n".getBytes(), "text/csv", manager);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").findValuesAsText("field")).containsExactly("file");
  }
}
