package org.improvementhub.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Walsall's board report from its plan's events: the RAG table of its document (Blue 1 (1.72%),
 * Green 29 (50.00%), Amber 10 (17.24%), Red 4 (6.90%), Grey 14 (24.14%) of 58) in the API, the PDF
 * (tagged, PDF/UA) and the XLSX; issued once and frozen.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardReportIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final TestTokens tokens = TestTokens.shared();
  private final String manager = tokens.councilUser(walsall, "PROGRAMME_MANAGER");
  private final String period = YearMonth.now().toString();
  private final YearMonth lastPeriod = YearMonth.now().minusMonths(1);
  private final List<UUID> greens = new ArrayList<>();
  private final UUID safeguarding = UUID.randomUUID();

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void walsallsPlan() {
    api = new HubApi(server.getURL().toString());
    TenancyEvents.provisioned(walsall, "Walsall Council", 335);
    String[][] rag = {
      {"BLUE", "1"}, {"GREEN", "29"}, {"AMBER", "10"}, {"RED", "4"}, {"GREY", "14"}
    };
    TestKafka.shared()
        .publish(
            "plans.item.v1",
            safeguarding.toString(),
            TestCouncils.envelope(
                "PlanItemSaved",
                walsall,
                safeguarding.toString(),
                ("{\"itemId\":\"%s\",\"programmeId\":\"%s\",\"ref\":\"3\","
                        + "\"title\":\"Safeguarding practice\",\"level\":1,\"levelName\":\"Pillar\"}")
                    .formatted(safeguarding, UUID.randomUUID())));
    int n = 0;
    for (String[] status : rag) {
      for (int i = 0; i < Integer.parseInt(status[1]); i++) {
        UUID id = UUID.randomUUID();
        if (status[0].equals("GREEN")) {
          greens.add(id);
        }
        boolean overdue = status[0].equals("RED") && i == 0;
        if (status[0].equals("BLUE")) {
          // created last period, so the report has a previous period's RAG to compare with
          publishAction(
              id,
              "3." + (++n),
              "BLUE",
              LocalDate.now().plusDays(90),
              "ActionCreated",
              null,
              lastPeriod.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC));
          continue;
        }
        publishAction(
            id,
            "3." + (++n),
            status[0],
            overdue ? LocalDate.now().minusDays(5) : LocalDate.now().plusDays(90),
            "ActionCreated",
            null);
      }
    }
    UUID measure = UUID.randomUUID();
    publishMeasure(measure, lastPeriod.toString(), "70", "RED");
    publishMeasure(measure, period, "78", "AMBER");
    UUID driver = UUID.randomUUID();
    TestKafka.shared()
        .publish(
            "plans.driver.v1",
            driver.toString(),
            TestCouncils.envelope(
                "DriverSaved",
                walsall,
                driver.toString(),
                ("{\"driverId\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 13\","
                        + "\"title\":\"Improve return home interviews\",\"timeframe\":null,"
                        + "\"actionIds\":[]}")
                    .formatted(driver)));
    api.awaitGet(
        "/councils/" + walsall + "/board-reports/" + period + "/draft",
        manager,
        r ->
            r.status() == 200
                && r.json().get("totalActions").asInt() == 58
                && r.json().get("measures").findValuesAsText("trend").contains("IMPROVING")
                && r.json().get("driversWithoutActions").size() == 1
                && r.json().get("exceptions").get(0).hasNonNull("planItem"),
        Duration.ofSeconds(30));
  }

  private void publishMeasure(UUID id, String month, String value, String status) {
    String name = "Single assessments within 45 working days";
    TestKafka.shared()
        .publish(
            "measures.value.v1",
            walsall,
            TestCouncils.envelope(
                "MeasureValueRecorded",
                walsall,
                id.toString(),
                ("{\"measureId\":\"%s\",\"measureName\":\"%s\",\"unit\":\"PERCENT\","
                        + "\"polarity\":\"HIGHER_IS_BETTER\",\"period\":\"%s\",\"value\":%s,"
                        + "\"revision\":1,\"recordedAt\":\"2026-11-01T09:00:00Z\"}")
                    .formatted(id, name, month, value)));
    TestKafka.shared()
        .publish(
            "measures.value.v1",
            walsall,
            TestCouncils.envelope(
                "MeasureStatusChanged",
                walsall,
                id.toString(),
                ("{\"measureId\":\"%s\",\"measureName\":\"%s\",\"period\":\"%s\","
                        + "\"status\":\"%s\",\"value\":%s,\"target\":80,"
                        + "\"changedAt\":\"2026-11-01T09:00:00Z\"}")
                    .formatted(id, name, month, status, value)));
  }

  private void publishAction(
      UUID id, String ref, String rag, LocalDate due, String type, String note) {
    publishAction(id, ref, rag, due, type, note, Instant.now());
  }

  private void publishAction(
      UUID id,
      String ref,
      String rag,
      LocalDate due,
      String type,
      String note,
      Instant occurredAt) {
    String snapshot =
        ("{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leads\":[],"
                + "\"dueDate\":\"%s\",\"ragStatus\":\"%s\",\"planItemId\":%s}")
            .formatted(
                id, ref, ref, due, rag, rag.equals("RED") ? "\"" + safeguarding + "\"" : "null");
    String data =
        type.equals("ActionCreated")
            ? "{\"actionId\":\"%s\",\"ref\":\"%s\",\"title\":\"Action %s\",\"leadName\":\"L\",\"leadEmail\":\"l@example.org\",\"dueDate\":\"%s\",\"ragStatus\":\"%s\",\"action\":%s}"
                .formatted(id, ref, ref, due, rag, snapshot)
            : "{\"action\":%s,\"period\":\"%s\",\"ragStatus\":\"%s\",\"note\":\"%s\",\"reportedBy\":\"pm\",\"reportedAt\":\"2026-11-01T09:00:00Z\"}"
                .formatted(snapshot, period, rag, note);
    String envelope =
        ("{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"council\":\"%s\","
                + "\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"data\":%s}")
            .formatted(UUID.randomUUID(), type, walsall, occurredAt, id, data);
    TestKafka.shared().publish("plans.action.v1", walsall, envelope);
  }

  private static void assertWalsallTable(String text) {
    assertThat(text)
        .contains("Change since")
        .contains("Single assessments within 45 working days")
        .contains("Improving")
        .contains("OR 13")
        .contains("Improve return home interviews")
        .contains("Under 3 Safeguarding practice")
        .contains("1.72%")
        .contains("50.00%")
        .contains("17.24%")
        .contains("6.90%")
        .contains("24.14%")
        .contains("58");
  }

  @Test
  @Order(1)
  void theIssuedReportHasWalsallsRagTable() {
    ApiResponse issued =
        api.post(
            "/councils/" + walsall + "/board-reports", manager, "{\"period\":\"" + period + "\"}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    JsonNode report = api.get("/councils/" + walsall + "/board-reports/" + period, manager).json();
    assertThat(report.get("totalActions").asInt()).isEqualTo(58);
    assertThat(report.get("ragSummary").findValuesAsText("percent"))
        .containsExactly("1.72", "50.0", "17.24", "6.9", "24.14");
    assertThat(report.get("ragSummary").findValuesAsText("count"))
        .containsExactly("1", "29", "10", "4", "14");
    assertThat(report.get("exceptions")).hasSize(14);
    assertThat(report.get("exceptions").get(0).get("ragStatus").asText()).isEqualTo("RED");
    assertThat(report.get("overdue")).hasSize(1);
    JsonNode change = report.get("changeSincePreviousPeriod");
    assertThat(change.findValuesAsText("status"))
        .containsExactly("BLUE", "GREEN", "AMBER", "RED", "GREY", "TOTAL");
    assertThat(change.findValuesAsText("previous")).containsExactly("1", "0", "0", "0", "0", "1");
    assertThat(change.findValuesAsText("now")).containsExactly("1", "29", "10", "4", "14", "58");
    JsonNode measure = report.get("measures").get(0);
    assertThat(measure.get("target").decimalValue()).isEqualByComparingTo("80");
    assertThat(measure.get("actual").decimalValue()).isEqualByComparingTo("78");
    assertThat(measure.get("status").asText()).isEqualTo("AMBER");
    assertThat(measure.get("trend").asText()).isEqualTo("IMPROVING");
  }

  @Test
  @Order(2)
  void thePdfIsTaggedAccessibleAndCarriesTheFigures() throws Exception {
    byte[] pdf = download("pdf", "application/pdf");
    // kept for a person to look at: target/board-report-walsall.pdf
    java.nio.file.Files.write(java.nio.file.Path.of("target", "board-report-walsall.pdf"), pdf);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertWalsallTable(new PDFTextStripper().getText(document));
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
      assertThat(document.getDocumentInformation().getTitle()).contains("Walsall Council");
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
    VeraGreenfieldFoundryProvider.initialise();
    try (InputStream in = new ByteArrayInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1)) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
      var result = validator.validate(parser);
      assertThat(result.isCompliant())
          .as(
              "PDF/UA-1: %s",
              result.getTestAssertions().stream()
                  .filter(a -> a.getStatus().toString().equals("FAILED"))
                  .map(a -> a.getRuleId() + " " + a.getMessage())
                  .distinct()
                  .limit(5)
                  .toList())
          .isTrue();
    }
  }

  @Test
  @Order(3)
  void theWorkbookCarriesTheSameTable() throws Exception {
    byte[] xlsx =
        download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
      Sheet rag = workbook.getSheet("RAG summary");
      List<Double> counts = new ArrayList<>();
      List<Double> shares = new ArrayList<>();
      for (int row = 3; row <= 7; row++) {
        counts.add(rag.getRow(row).getCell(1).getNumericCellValue());
        shares.add(rag.getRow(row).getCell(2).getNumericCellValue());
      }
      assertThat(counts).containsExactly(1.0, 29.0, 10.0, 4.0, 14.0);
      assertThat(shares).containsExactly(1.72, 50.0, 17.24, 6.9, 24.14);
      assertThat(rag.getRow(8).getCell(1).getNumericCellValue()).isEqualTo(58.0);
      Sheet measures = workbook.getSheet("Measures");
      assertThat(measures.getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("Single assessments within 45 working days");
      assertThat(measures.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(80.0);
      assertThat(measures.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(78.0);
      assertThat(measures.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Amber");
      assertThat(measures.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Improving");
      Sheet change = workbook.getSheet("Change since last period");
      assertThat(change.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(29.0);
      assertThat(
              workbook.getSheet("Drivers with no action").getRow(1).getCell(0).getStringCellValue())
          .isEqualTo("OR 13");
    }
  }

  @Test
  @Order(4)
  void anIssuedReportIsFrozenWhileTheDraftMovesOn() {
    String before = api.get("/councils/" + walsall + "/board-reports/" + period, manager).body();
    publishAction(
        greens.get(0),
        "3.2",
        "RED",
        LocalDate.now().plusDays(90),
        "ActionProgressReported",
        "Recruitment paused");
    api.awaitGet(
        "/councils/" + walsall + "/board-reports/" + period + "/draft",
        manager,
        r -> r.status() == 200 && r.body().contains("Recruitment paused"),
        Duration.ofSeconds(30));
    assertThat(api.get("/councils/" + walsall + "/board-reports/" + period, manager).body())
        .isEqualTo(before);
    ApiResponse again =
        api.post(
            "/councils/" + walsall + "/board-reports", manager, "{\"period\":\"" + period + "\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
  }

  @Test
  @Order(5)
  void whoMayReadAndIssue() {
    String path = "/councils/" + walsall + "/board-reports/" + period;
    assertThat(api.get(path, tokens.observer(walsall)).status()).isEqualTo(200);
    assertThat(api.get(path, tokens.councilUser(walsall, "BOARD_MEMBER")).status()).isEqualTo(200);
    assertThat(api.get(path, tokens.councilUser("peterborough", "COUNCIL_ADMIN")).status())
        .isEqualTo(404);
    assertThat(api.get(path, tokens.observer("peterborough")).status()).isEqualTo(404);
    String issue = "{\"period\":\"2020-01\"}";
    assertThat(
            api.post("/councils/" + walsall + "/board-reports", tokens.observer("*"), issue)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(
                    "/councils/" + walsall + "/board-reports",
                    tokens.councilUser(walsall, "BOARD_MEMBER"),
                    issue)
                .status())
        .isEqualTo(403);
    ApiResponse badPeriod =
        api.post("/councils/" + walsall + "/board-reports", manager, "{\"period\":\"November\"}");
    assertThat(badPeriod.status()).isEqualTo(400);
    assertThat(badPeriod.json().get("errors").findValuesAsText("field")).contains("period");
  }

  private byte[] download(String format, String contentType) {
    try {
      HttpResponse<byte[]> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          server
                              .getURI()
                              .resolve(
                                  "/councils/"
                                      + walsall
                                      + "/board-reports/"
                                      + period
                                      + "/"
                                      + format))
                      .header("Authorization", "Bearer " + manager)
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith(contentType));
      return response.body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
