package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.mail.MailInbox;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local stack's demo load, each service its own process on real PostgreSQL and Kafka: the four
 * councils' own plans imported through the plans API reach the oversight read model, so Walsall's
 * table is its document's (Blue 1 (1.72%), Green 29 (50.00%), Amber 10 (17.24%), Red 4 (6.90%),
 * Grey 14 (24.14%) of 58) in the observer API, the board report's API, PDF text layer and XLSX
 * cells; a rebuild of the read model gives the same summaries for all four councils; and the demo
 * lead of Walsall's plan hears that their action is overdue. It runs on the module's shared stack
 * ({@link RunningStack}): the demo councils' slugs are used by no other class there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoProgrammesIT {

  private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(180);

  /** Actions in each council's plan, as module demo-councils holds them. */
  private static final Map<String, Integer> ACTIONS =
      Map.of("nottinghamshire", 18, "peterborough", 77, "walsall", 58, "west-sussex", 96);

  /** Walsall's summary (section 5.2 of its document): status, count, percent. */
  private static final List<String> WALSALL_TABLE =
      List.of("BLUE 1 1.72", "GREEN 29 50.00", "AMBER 10 17.24", "RED 4 6.90", "GREY 14 24.14");

  private final TestInfrastructure infra = TestInfrastructure.shared();
  private final RunningStack stack = RunningStack.shared();
  private final HttpClient http = HttpClient.newHttpClient();
  private final HubApi tenancy = stack.api("tenancy");
  private final HubApi oversight = stack.api("oversight");
  private String observer;
  private String walsallReportPath;

  @BeforeAll
  void loadTheDemo() {
    new DemoCouncils(
            stack.services().get("tenancy").baseUrl(), stack.services().get("plans").baseUrl())
        .provision(RunningStack.ADMIN, RunningStack.ADMIN_PASSWORD);
    observer = DemoCouncils.login(tenancy, DemoCouncils.OBSERVER_EMAIL, DemoCouncils.DEMO_PASSWORD);
  }

  @Test
  @Order(1)
  void everyDemoPlanReachesTheObserversAndWalsallShowsItsDocumentsTable() {
    for (Map.Entry<String, Integer> council : ACTIONS.entrySet()) {
      awaitSummary(council.getKey(), council.getValue());
    }
    JsonNode walsall = awaitSummary("walsall", 58);
    assertThat(table(walsall.get("rag"))).containsExactlyInAnyOrderElementsOf(WALSALL_TABLE);
  }

  @Test
  @Order(2)
  void walsallsBoardReportShowsTheSameTableInItsApiPdfAndXlsx() throws IOException {
    String manager = DemoCouncils.login(tenancy, "pm@walsall.demo", DemoCouncils.DEMO_PASSWORD);
    String period = YearMonth.now(ZoneOffset.UTC).toString();
    ApiResponse issued =
        oversight.post(
            "/councils/walsall/board-reports", manager, "{\"period\":\"" + period + "\"}");
    assertThat(issued.status()).as(issued.body()).isIn(201, 409);
    walsallReportPath = "/councils/walsall/board-reports/" + period;
    JsonNode report = oversight.get(walsallReportPath, manager).json();
    assertThat(report.get("totalActions").asLong()).isEqualTo(58);
    assertThat(table(report.get("ragSummary"))).containsExactlyInAnyOrderElementsOf(WALSALL_TABLE);

    try (PDDocument pdf = Loader.loadPDF(download(walsallReportPath + "/pdf", manager))) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Walsall")
          .contains("1.72%", "50.00%", "17.24%", "6.90%", "24.14%")
          .contains("58");
    }

    try (XSSFWorkbook workbook =
        new XSSFWorkbook(
            new ByteArrayInputStream(download(walsallReportPath + "/xlsx", manager)))) {
      Sheet rag = workbook.getSheet("RAG summary");
      List<String> rows = new ArrayList<>();
      for (Row row : rag) {
        if (row.getRowNum() >= 3 && row.getCell(1) != null) {
          rows.add(
              // the status's first word: the label goes on to describe it ("Blue: complete")
              row.getCell(0).getStringCellValue().split("[: ]")[0]
                  + " "
                  + (long) row.getCell(1).getNumericCellValue()
                  + " "
                  + row.getCell(2).getNumericCellValue());
        }
      }
      assertThat(rows)
          .contains(
              "Blue 1 1.72",
              "Green 29 50.0",
              "Amber 10 17.24",
              "Red 4 6.9",
              "Grey 14 24.14",
              "Total 58 100.0");
    }
  }

  @Test
  @Order(3)
  void aRebuildOfTheReadModelGivesTheSameSummariesForAllFourCouncils() {
    Map<String, String> before = new HashMap<>();
    for (String council : ACTIONS.keySet()) {
      before.put(council, awaitSummary(council, ACTIONS.get(council)).toString());
    }
    String admin = stack.adminToken();
    ApiResponse rebuilt = oversight.post("/oversight/rebuild", admin, "");
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    for (String council : ACTIONS.keySet()) {
      oversight.awaitGet(
          "/oversight/councils/" + council,
          observer,
          r -> r.status() == 200 && r.json().toString().equals(before.get(council)),
          READ_MODEL_WAIT);
    }
  }

  @Test
  @Order(4)
  void theDemoLeadIsEmailedAboutTheirOverdueActionAfterAScan() {
    String manager = DemoCouncils.login(tenancy, "pm@walsall.demo", DemoCouncils.DEMO_PASSWORD);
    HubApi plans = stack.api("plans");
    ApiResponse scan = plans.post("/councils/walsall/overdue-scans", manager, "");
    assertThat(scan.status()).as(scan.body()).isEqualTo(200);
    MailInbox mail = new MailInbox(infra.mail());
    long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
    List<ReceivedMail> received = mail.read("lead@walsall.demo");
    while (received.isEmpty() && System.nanoTime() < deadline) {
      pause();
      received = mail.read("lead@walsall.demo");
    }
    assertThat(received).as("mail to lead@walsall.demo").hasSize(1);
    assertThat(received.get(0).subject() + received.get(0).body())
        .contains("3.11")
        .contains("Walsall Council");
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private JsonNode awaitSummary(String council, int actions) {
    return oversight
        .awaitGet(
            "/oversight/councils/" + council,
            observer,
            r -> r.status() == 200 && r.json().path("totalActions").asInt() == actions,
            READ_MODEL_WAIT)
        .json();
  }

  /** "STATUS count percent" per RAG row, percent to two places as the councils report it. */
  private static List<String> table(JsonNode rows) {
    List<String> table = new ArrayList<>();
    for (JsonNode row : rows) {
      table.add(
          row.get("status").asText()
              + " "
              + row.get("count").asLong()
              + " "
              + row.get("percent").decimalValue().setScale(2).toPlainString());
    }
    return table;
  }

  private byte[] download(String path, String token) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(stack.services().get("oversight").baseUrl() + path))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(60))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
