package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Importing a plan (every bad row shown, nothing changed; a clean file checked then confirmed),
 * exporting it, a council's measures (list, chart with its table, recording a value, also with the
 * keyboard alone), and issuing an Improvement Board report and downloading its PDF, in headless
 * Chromium against the shared stack. Other councils' addresses are not found; observers see no
 * control that writes and are refused if they try. axe checks every new page type.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MeasuresAndReportsJourneysIT extends BrowserJourneys {

  private static final String MEASURE = "Strategy discussions attended by Police";
  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private String manager;
  private String observer;
  private String measureId;
  private String peterboroughMeasure;
  private Map.Entry<String, String> linkedAction;
  private final String thisMonth = YearMonth.now(ZoneId.of("Europe/London")).toString();

  @BeforeAll
  void provisionCouncilsAndOpenTheBrowser() {
    stack.council(walsall, "Walsall Council", 335);
    stack.council(peterborough, "Peterborough City Council", 874);
    manager = stack.councilUser(walsall, "PROGRAMME_MANAGER");
    String peterboroughManager = stack.councilUser(peterborough, "PROGRAMME_MANAGER");
    observer = stack.observer("observer-" + walsall + "@dfe.test", List.of(walsall, peterborough));
    stack.importPlan(walsall, manager, demo("walsall/plan.csv"));
    stack.importMeasures(
        walsall,
        manager,
        new String(demo("walsall/measures.csv"), StandardCharsets.UTF_8),
        new String(demo("walsall/values.csv"), StandardCharsets.UTF_8));
    stack.importMeasures(
        peterborough,
        peterboroughManager,
        new String(demo("peterborough/measures.csv"), StandardCharsets.UTF_8),
        new String(demo("peterborough/values.csv"), StandardCharsets.UTF_8));
    measureId = idOf(stack.measures(walsall, manager).json(), MEASURE);
    peterboroughMeasure =
        stack.measures(peterborough, peterboroughManager).json().get(0).get("id").asText();
    linkedAction = stack.actionsAt(walsall, manager, "RED").get(0);
    stack.linkMeasure(walsall, manager, measureId, linkedAction.getKey());
    stack.comparators(walsall, manager, measureId, 2013, "80", "75.5");
  }

  @Test
  @Order(1)
  void anImportWithBadRowsShowsEveryRowErrorAndChangesNothing() throws IOException {
    steps.signIn(manager);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Import and export")).click());
    assertThat(browser.heading()).isEqualTo("Import or export a plan");
    browser.assertAccessible("import and export");
    browser.screenshot("m01-plan-files");

    String programmesBefore = stack.programmes(walsall, manager).body();
    String actionsBefore = stack.actions(walsall, manager).body();
    byte[] bad = badPlan();
    ApiResponse dryRun = stack.dryRun(walsall, manager, bad);
    assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(400);
    List<String> expected = new ArrayList<>();
    dryRun.json().get("errors").forEach(e -> expected.add(e.get("message").asText()));
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);

    steps.upload("bad-plan.csv", bad, "#check-file");

    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    List<WebElement> summary = browser.findAll(".govuk-error-summary__list li a");
    assertThat(summary).hasSize(expected.size());
    assertThat(summary).allSatisfy(a -> assertThat(a.getAttribute("href")).endsWith("#file"));
    List<WebElement> rows = browser.findAll("#row-errors tbody tr");
    assertThat(rows).hasSize(expected.size());
    String table = browser.find("#row-errors").getText();
    assertThat(table).contains(expected);
    assertThat(table).contains("due_date");
    browser.assertAccessible("import with row errors");
    browser.screenshot("m02-import-row-errors");

    assertThat(stack.programmes(walsall, manager).body()).isEqualTo(programmesBefore);
    assertThat(stack.actions(walsall, manager).body()).isEqualTo(actionsBefore);

    HttpResponse<byte[]> template = steps.fetch("/plan-template?format=csv");
    assertThat(template.statusCode()).isEqualTo(200);
    assertThat(template.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    steps.upload("plan-template.csv", template.body(), "#check-file");
    assertThat(browser.heading()).isEqualTo("Check the plan before you import it");
    assertThat(browser.find("#count-actions").getText()).isEqualTo("1");
    assertThat(stack.programmes(walsall, manager).body()).isEqualTo(programmesBefore);
    browser.assertAccessible("import check");
    browser.screenshot("m03-import-check");

    steps.click("#confirm-import");
    assertThat(browser.find(".govuk-notification-banner").getText())
        .contains("Plan imported: 1 actions");
    assertThat(stack.programmes(walsall, manager).json()).hasSize(2);

    String csvLink =
        browser.findAll("#programmes a").stream()
            .map(a -> a.getAttribute("href"))
            .filter(href -> href.endsWith("format=csv"))
            .findFirst()
            .orElseThrow();
    HttpResponse<byte[]> csv = steps.fetch(csvLink.substring(stack.portalUrl().length()));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("record,");
    HttpResponse<byte[]> xlsx =
        steps.fetch(csvLink.substring(stack.portalUrl().length()).replace("csv", "xlsx"));
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
    assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    // an exported workbook goes back in as it came out: the dry run accepts it
    steps.upload("exported-plan.xlsx", xlsx.body(), "#check-file");
    assertThat(browser.heading()).isEqualTo("Check the plan before you import it");
    assertThat(Integer.parseInt(browser.find("#count-actions").getText())).isPositive();
    assertThat(stack.programmes(walsall, manager).json()).hasSize(2);
  }

  @Test
  @Order(2)
  void aProgrammeManagerRecordsAMeasureValueAndSeesItInTheTable() {
    steps.signIn(manager);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Measures")).click());
    assertThat(browser.heading()).isEqualTo("Measures");
    assertThat(browser.findAll("#measures tbody tr")).hasSize(12);
    browser.assertAccessible("measures");
    browser.screenshot("m04-measures");

    steps.navigate(() -> browser.driver().findElement(By.linkText(MEASURE)).click());
    assertThat(browser.heading()).isEqualTo(MEASURE);
    assertThat(browser.findAll("svg.portal-measure-chart path.portal-line--value")).hasSize(1);
    assertThat(browser.findAll("svg.portal-measure-chart path.portal-line--target")).hasSize(1);
    assertThat(browser.find("svg.portal-measure-chart title").getAttribute("textContent"))
        .contains(MEASURE);
    assertThat(browser.findAll("svg.portal-measure-chart path.portal-line--england")).hasSize(1);
    assertThat(browser.findAll("svg.portal-measure-chart path.portal-line--neighbours")).hasSize(1);
    // Walsall's values run from October 2012 to March 2014: the chart starts at the first
    assertThat(browser.findAll("#values tbody tr")).hasSize(18);
    assertThat(browser.find("#values tr[data-period='2014-03']").getText()).contains("March 2014");
    assertThat(browser.find("#values tr[data-period='2013-06']").getText())
        .contains("June 2013", "80%", "75.5%");
    assertThat(browser.find("#comparators").getText()).contains("2013", "80%", "75.5%");
    assertThat(browser.find("#period").getAttribute("value")).isEqualTo("2014-04");
    browser.assertAccessible("measure");
    browser.screenshot("m05-measure");

    browser.find("#value").sendKeys("lots");
    steps.click("#record-value");
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    assertThat(browser.find(".govuk-error-summary").getText()).contains("Value must be a number");
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#value");
    assertThat(browser.find("#value-error").getText()).contains("Value must be a number");
    browser.assertAccessible("measure with errors");
    browser.screenshot("m06-measure-errors");

    browser.find("#value").clear();
    browser.find("#value").sendKeys("150");
    steps.click("#record-value");
    assertThat(browser.find(".govuk-error-summary").getText()).contains("between 0 and 100");

    browser.find("#value").clear();
    browser.find("#value").sendKeys("91.5");
    steps.click("#record-value");
    assertThat(browser.find(".govuk-notification-banner").getText())
        .contains("Value recorded for April 2014");
    assertThat(browser.find("#values tr[data-period='2014-04']").getText())
        .contains("April 2014", "91.5%", "On target");
    browser.screenshot("m07-measure-recorded");

    steps.navigate(() -> browser.driver().findElement(By.linkText("Overview")).click());
    assertThat(browser.find("#measures-off-target")).isNotNull();
    for (WebElement tag :
        browser.findAll("#measures-off-target + table tbody td strong.govuk-tag")) {
      assertThat(tag.getText()).isIn("Off target", "Near target");
    }
    browser.go("/councils/" + walsall + "/actions/" + linkedAction.getKey());
    assertThat(browser.find("#linked-measures + table").getText()).contains(MEASURE, "91.5%");
  }

  @Test
  @Order(3)
  void aProgrammeManagerIssuesABoardReportAndDownloadsItsPdf() {
    steps.signIn(manager);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Board reports")).click());
    assertThat(browser.heading()).isEqualTo("Improvement Board reports");
    assertThat(browser.find("main").getText()).contains("No report has been issued yet.");
    browser.assertAccessible("board reports");
    browser.screenshot("m08-board-reports");

    steps.click("#see-draft");
    assertThat(browser.path()).isEqualTo("/councils/" + walsall + "/board-reports/" + thisMonth);
    JourneySteps.poll(
        () -> {
          browser.go("/councils/" + walsall + "/board-reports/" + thisMonth);
          return browser.find("#report-rag caption").getText();
        },
        caption -> !caption.startsWith("0 "),
        Duration.ofSeconds(30));
    assertThat(browser.find("#report-state").getText()).contains("Draft");
    assertThat(browser.findAll("#download-pdf")).isEmpty();
    browser.assertAccessible("board report draft");
    browser.screenshot("m09-board-report-draft");

    steps.click("#issue-report");
    assertThat(browser.heading()).startsWith("Issue the report for ");
    browser.assertAccessible("issue a board report");
    browser.screenshot("m10-board-report-issue");

    steps.click("#confirm-issue");
    assertThat(browser.find(".govuk-notification-banner").getText()).contains("Report issued");
    assertThat(browser.find("#report-state").getText()).contains("Issued");
    browser.assertAccessible("board report issued");
    browser.screenshot("m11-board-report-issued");

    HttpResponse<byte[]> pdf = steps.fetch(path(browser.find("#download-pdf")));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    HttpResponse<byte[]> xlsx = steps.fetch(path(browser.find("#download-xlsx")));
    assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);

    browser.go("/councils/" + walsall + "/board-reports");
    assertThat(browser.find("#issued").getText()).contains(monthName(thisMonth));

    browser.go("/councils/" + walsall + "/board-reports/" + thisMonth + "/issue");
    steps.click("#confirm-issue");
    assertThat(browser.find(".govuk-error-summary").getText()).contains("issued");
  }

  @Test
  @Order(4)
  void recordingAMeasureValueWorksWithTheKeyboardAlone() {
    browser.go("/sign-in");
    steps.tabTo(e -> "email".equals(e.getAttribute("id")));
    steps.keys(manager, Keys.TAB);
    steps.keysThenAwaitNavigation(JourneyStack.PASSWORD, Keys.ENTER);
    assertThat(browser.heading()).isEqualTo("Programme overview");

    steps.tabTo(e -> "Measures".equals(e.getText()));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    steps.tabTo(e -> MEASURE.equals(e.getText()));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.heading()).isEqualTo(MEASURE);

    // the form offers the period after the latest value (April 2014, recorded above)
    assertThat(browser.find("#period").getAttribute("value")).isEqualTo("2014-05");
    steps.tabTo(e -> "period".equals(e.getAttribute("id")));
    steps.keys(Keys.TAB);
    assertThat(steps.active().getAttribute("id")).isEqualTo("value");
    steps.keys("88");
    steps.tabTo(e -> "record-value".equals(e.getAttribute("id")));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.find(".govuk-notification-banner").getText())
        .contains("Value recorded for May 2014");
    assertThat(browser.find("#values tr[data-period='2014-05']").getText()).contains("88%");
  }

  @Test
  @Order(5)
  void anotherCouncilsPagesAreNotFoundAndObserversCannotWrite() {
    steps.signIn(manager);
    for (String path :
        List.of(
            "/councils/" + peterborough + "/measures",
            "/councils/" + peterborough + "/measures/" + peterboroughMeasure,
            "/councils/" + walsall + "/measures/" + peterboroughMeasure,
            "/councils/" + peterborough + "/board-reports",
            "/councils/" + peterborough + "/board-reports/" + thisMonth,
            "/councils/" + peterborough + "/board-reports/" + thisMonth + "/pdf",
            "/councils/" + peterborough + "/plan-files",
            "/councils/" + walsall + "/board-reports/not-a-month")) {
      assertThat(steps.fetch(path).statusCode()).as(path).isEqualTo(404);
    }
    browser.go("/councils/" + peterborough + "/measures/" + peterboroughMeasure);
    assertThat(browser.heading()).isEqualTo("Page not found");
    steps.signOut();

    steps.signIn(observer);
    browser.go("/councils/" + walsall);
    steps.navigate(() -> browser.find("#council-pages a").click());
    assertThat(browser.heading()).isEqualTo("Measures");
    steps.navigate(() -> browser.driver().findElement(By.linkText(MEASURE)).click());
    assertThat(browser.heading()).isEqualTo(MEASURE);
    assertThat(browser.findAll("main form")).isEmpty();
    browser.assertAccessible("measure, read-only");
    browser.go("/councils/" + walsall + "/board-reports/" + thisMonth);
    assertThat(browser.findAll("#issue-report")).isEmpty();
    assertThat(browser.find("#report-state").getText()).contains("Issued");
    browser.go("/councils/" + walsall + "/plan-files");
    assertThat(browser.findAll("#check-file")).isEmpty();
    assertThat(
            steps
                .fetch("/councils/" + walsall + "/board-reports/" + thisMonth + "/issue")
                .statusCode())
        .isEqualTo(403);

    browser.go("/councils/" + walsall + "/measures/" + measureId);
    steps.postForm(
        "/councils/" + walsall + "/measures/" + measureId + "/values",
        steps.pageToken(),
        Map.of("period", "2014-06", "value", "1"));
    assertThat(browser.heading()).isEqualTo("You cannot change this");
  }

  private String path(WebElement link) {
    return link.getAttribute("href").substring(stack.portalUrl().length());
  }

  private static String monthName(String period) {
    return YearMonth.parse(period).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
  }

  private static String idOf(JsonNode measures, String name) {
    for (JsonNode measure : measures) {
      if (name.equals(measure.get("name").asText())) {
        return measure.get("id").asText();
      }
    }
    throw new AssertionError("No measure " + name + " in " + measures);
  }

  /**
   * A plan in the template's columns with a bad cell on several rows: a due date before the start,
   * a date that is no date, an action without a title, a progress report without a period.
   */
  private static byte[] badPlan() {
    String header =
        "record,ref,parent_ref,title,description,success_criteria,owner,leads,start_date,due_date,"
            + "revised_due_date,revision_reason,completed_on,rag,period,review_note,reported_by,"
            + "reported_on,drivers,driver_kind,timeframe,evidence,setting,value";
    List<String> rows = new ArrayList<>();
    rows.add(header);
    rows.add(
        row(Map.of("record", "PROGRAMME", "setting", "name", "value", "A plan with mistakes")));
    rows.add(
        row(Map.of("record", "PROGRAMME", "setting", "level_names", "value", "Priority; Action")));
    rows.add(row(Map.of("record", "PROGRAMME", "setting", "start_date", "value", "2024-02-01")));
    rows.add(row(Map.of("record", "ITEM", "ref", "1", "title", "Front door")));
    rows.add(
        row(
            Map.of(
                "record",
                "ACTION",
                "ref",
                "1.1",
                "parent_ref",
                "1",
                "title",
                "Audit weekly",
                "leads",
                "Jane Smith <jane.smith@example.org>",
                "start_date",
                "2024-03-01",
                "due_date",
                "2024-01-31")));
    rows.add(
        row(
            Map.of(
                "record",
                "ACTION",
                "ref",
                "1.2",
                "parent_ref",
                "1",
                "title",
                "Train staff",
                "leads",
                "Jane Smith <jane.smith@example.org>",
                "start_date",
                "2024-03-01",
                "due_date",
                "the end of March")));
    rows.add(
        row(
            Map.of(
                "record",
                "ACTION",
                "ref",
                "1.3",
                "parent_ref",
                "1",
                "leads",
                "Jane Smith <jane.smith@example.org>",
                "start_date",
                "2024-03-01",
                "due_date",
                "2024-05-31")));
    rows.add(row(Map.of("record", "PROGRESS", "ref", "1.1", "rag", "GREEN", "review_note", "ok")));
    return (String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String row(Map<String, String> cells) {
    String[] columns =
        ("record,ref,parent_ref,title,description,success_criteria,owner,leads,start_date,due_date,"
                + "revised_due_date,revision_reason,completed_on,rag,period,review_note,reported_by,"
                + "reported_on,drivers,driver_kind,timeframe,evidence,setting,value")
            .split(",");
    List<String> out = new ArrayList<>();
    for (String column : columns) {
      String cell = cells.getOrDefault(column, "");
      out.add(cell.contains(",") ? "\"" + cell + "\"" : cell);
    }
    return String.join(",", out);
  }

  private static byte[] demo(String name) {
    try (InputStream in =
        MeasuresAndReportsJourneysIT.class.getResourceAsStream("/demo-councils/" + name)) {
      assertThat(in).as("demo file %s from infra/demo-councils", name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
