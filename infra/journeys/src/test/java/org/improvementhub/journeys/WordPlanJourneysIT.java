package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.plans.documents.fixtures.CouncilDocuments;
import org.improvementhub.plans.documents.fixtures.DocumentEdits;
import org.improvementhub.testsupport.TestCouncils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Onboarding from the council's own Word plan in headless Chromium on the shared stack: Walsall's
 * plan document (the plan-documents fixture, built with POI in the seed's layout) is uploaded, its
 * preview shows the counts and flagged cells with where they came from, one column is re-mapped and
 * the preview changes, then it is confirmed and the plan shows it. A file that is not Word is
 * refused in the error summary and nothing is saved. A newer version of the document (an action
 * added, one retitled, one dropped) is then uploaded against the imported plan: the changes page
 * lists them, applying without ticking the check is refused, and once checked the plan has the new
 * action, the new title and the dropped action withdrawn. Observers see no upload control or apply
 * and another council's manager does not find the documents. axe checks every new page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPlanJourneysIT {

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private JourneyStack stack;
  private Browser browser;
  private JourneySteps steps;
  private String manager;
  private String otherManager;
  private String observer;
  private String preview;
  private String changes;

  @BeforeAll
  void provisionACouncilAndOpenTheBrowser() {
    Browser.requireBrowser();
    stack = JourneyStack.shared();
    stack.council(walsall, "Walsall Council", 335);
    stack.council(peterborough, "Peterborough City Council", 874);
    manager = stack.councilUser(walsall, "PROGRAMME_MANAGER");
    otherManager = stack.councilUser(peterborough, "PROGRAMME_MANAGER");
    observer = stack.observer("observer-" + walsall + "@dfe.test", List.of(walsall));
    browser = Browser.open(stack.portalUrl());
    steps = new JourneySteps(browser, stack.portalUrl());
  }

  @AfterAll
  void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void signOut() {
    steps.signOut();
  }

  @Test
  @Order(1)
  void aManagerUploadsTheirWordPlanChecksItRemapsAColumnAndConfirms() {
    steps.signIn(manager);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Import and export")).click());
    steps.navigate(
        () -> browser.driver().findElement(By.linkText("Upload your Word action plan")).click());
    assertThat(browser.heading()).isEqualTo("Upload your Word action plan");
    browser.assertAccessible("Word plan upload");
    browser.screenshot("w01-word-plan-upload");

    // a file that is not Word: the plans API's problem in the error summary, nothing saved
    String programmesBefore = stack.programmes(walsall, manager).body();
    upload("plan.pdf", "%PDF-1.4 not a Word document".getBytes(StandardCharsets.US_ASCII));
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    List<WebElement> summary = browser.findAll(".govuk-error-summary__list li a");
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).getAttribute("href")).endsWith("#file");
    assertThat(summary.get(0).getText()).containsIgnoringCase("Word");
    assertThat(browser.find("#file-error").getText()).contains(summary.get(0).getText());
    browser.assertAccessible("Word plan upload with errors");
    browser.screenshot("w02-word-plan-not-word");
    assertThat(stack.programmes(walsall, manager).body()).isEqualTo(programmesBefore);

    upload("walsall-improvement-plan.docx", CouncilDocuments.of("walsall"));
    assertThat(browser.heading()).isEqualTo("Check the plan read from your document");
    preview = browser.path();
    assertThat(preview).startsWith("/councils/" + walsall + "/plan-documents/");
    // Walsall's document: 3 themes and 58 actions (the plan-documents fixture's own counts)
    assertThat(browser.find("#counts dd[data-level='Action']").getText()).isEqualTo("58");
    assertThat(Integer.parseInt(browser.find("#flag-count").getText())).isPositive();
    assertThat(browser.findAll("#proposed-plan tbody tr")).hasSizeGreaterThan(58);
    String flags =
        String.join(
            "\n",
            browser.findAll("table[id^='flags-'] tbody tr").stream()
                .map(WebElement::getText)
                .toList());
    assertThat(flags).containsPattern("table \\d+, row \\d+, column \"[^\"]+\"");
    assertThat(stack.programmes(walsall, manager).body())
        .as("nothing is saved before the confirm")
        .isEqualTo(programmesBefore);
    browser.assertAccessible("Word plan preview");
    browser.screenshot("w03-word-plan-preview");

    // the RAG column re-mapped as not read: the tree's RAG tags all become "Not reported"
    WebElement rag = roleSelectFor("RAG");
    assertThat(new Select(rag).getFirstSelectedOption().getAttribute("value")).isEqualTo("STATUS");
    assertThat(ragTags()).anyMatch(tag -> !tag.equals("Not reported"));
    new Select(rag).selectByValue("IGNORED");
    steps.click("#remap");
    assertThat(browser.find(".govuk-notification-banner").getText())
        .contains("read again with your columns");
    assertThat(browser.path()).startsWith(preview);
    WebElement remapped = roleSelectFor("RAG");
    assertThat(new Select(remapped).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("IGNORED");
    assertThat(browser.find("#" + remapped.getAttribute("id") + "-hint").getText())
        .contains("last upload");
    assertThat(ragTags()).isNotEmpty().allMatch(tag -> tag.equals("Not reported"));
    browser.screenshot("w04-word-plan-remapped");

    // a column the document does not have (a stale form): the API's refusal, on the preview
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "document.querySelector(\"input[name='header-0']\").value = 'No such column';");
    steps.click("#remap");
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    assertThat(browser.findAll(".govuk-error-summary__list li a")).isNotEmpty();
    assertThat(browser.find(".govuk-error-summary").getText()).contains("columns[0].header");
    browser.assertAccessible("Word plan preview with errors");
    browser.screenshot("w05-word-plan-preview-errors");
    assertThat(stack.programmes(walsall, manager).body()).isEqualTo(programmesBefore);

    steps.click("#confirm");
    assertThat(browser.path()).startsWith("/councils/" + walsall + "/plan");
    assertThat(browser.find("#imported").getText()).contains("58 actions");
    assertThat(stack.programmes(walsall, manager).json()).hasSize(1);
    browser.assertAccessible("plan after a Word import");
    browser.screenshot("w06-word-plan-imported");

    browser.go(preview);
    assertThat(browser.findAll("#confirmed")).hasSize(1);
    assertThat(browser.findAll("#confirm")).isEmpty();
  }

  @Test
  @Order(2)
  void aNewerVersionShowsWhatChangedAndIsAppliedOnceChecked() {
    assertThat(preview).as("the first journey imported the plan").isNotNull();
    steps.signIn(manager);
    browser.go("/councils/" + walsall + "/plan-documents");
    // the plan imported above is offered as the one this document updates
    assertThat(browser.find("label[for='programme-1']").getText()).startsWith("A newer version");
    browser.find("#programme-1").click();
    String retitled = "WSCB to review its governance, structure and subgroups against guidance";
    upload("walsall-improvement-plan-v2.docx", DocumentEdits.walsallNewerVersion(retitled));
    assertThat(browser.heading()).isEqualTo("Check what the newer document changes");
    changes = browser.path();
    assertThat(browser.find("#count-added").getText()).isEqualTo("1");
    assertThat(browser.find("#count-changed").getText()).isEqualTo("1");
    assertThat(browser.find("#count-removed").getText()).isEqualTo("1");
    assertThat(browser.find("#added tbody tr[data-ref='1.99']").getText())
        .contains("Publish the WSCB annual report", "2014-06-30");
    assertThat(browser.find("#changed tbody tr[data-ref='1.2']").getText()).contains(retitled);
    String actionsBefore = stack.actions(walsall, manager).body();
    browser.assertAccessible("Word plan changes");
    browser.screenshot("w07-word-plan-changes");

    // the dropped action 1.4 is withdrawn; applying without the check is refused, nothing changes
    browser.find("#removed-0-withdraw").click();
    steps.click("#apply");
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    List<WebElement> summary = browser.findAll(".govuk-error-summary__list li a");
    assertThat(summary).hasSize(1);
    assertThat(summary.get(0).getAttribute("href")).endsWith("#checked");
    assertThat(browser.find("#removed-0-withdraw").isSelected()).isTrue();
    assertThat(stack.actions(walsall, manager).body()).isEqualTo(actionsBefore);
    browser.assertAccessible("Word plan changes with errors");
    browser.screenshot("w08-word-plan-changes-errors");

    browser.find("#checked").click();
    steps.click("#apply");
    assertThat(browser.find("#applied-banner").getText()).contains("applied to the plan");
    assertThat(browser.findAll("#apply")).isEmpty();
    browser.assertAccessible("Word plan changes applied");
    browser.screenshot("w09-word-plan-changes-applied");
    JsonNode actions = stack.actions(walsall, manager).json();
    Map<String, JsonNode> byRef = new HashMap<>();
    actions.forEach(a -> byRef.put(a.get("ref").asText(), a));
    assertThat(byRef.get("1.99").get("title").asText()).startsWith("Publish the WSCB");
    assertThat(byRef.get("1.2").get("title").asText()).isEqualTo(retitled);
    assertThat(byRef.get("1.4").get("withdrawnReason").asText())
        .isEqualTo("No longer in the plan document walsall-improvement-plan-v2.docx");
    // the plan still lists 1.4, marked withdrawn
    browser.go("/councils/" + walsall + "/plan");
    assertThat(
            browser
                .driver()
                .findElement(By.xpath("//tr[td[1][normalize-space()='1.4']]"))
                .getText())
        .contains("Withdrawn");
  }

  @Test
  @Order(3)
  void observersSeeNoUploadAndAnotherCouncilDoesNotFindTheDocument() {
    steps.signIn(observer);
    browser.go("/councils/" + walsall + "/plan-documents");
    assertThat(browser.heading()).isEqualTo("Upload your Word action plan");
    assertThat(browser.findAll("#file")).isEmpty();
    assertThat(browser.findAll("#no-upload")).hasSize(1);
    browser.assertAccessible("Word plan upload, read-only");
    browser.go("/councils/" + walsall + "/plan-files");
    assertThat(browser.findAll("#word-plan")).isEmpty();
    assertThat(preview).as("the first journey stored a document").isNotNull();
    browser.go(preview);
    assertThat(browser.heading()).isEqualTo("Check the plan read from your document");
    assertThat(browser.findAll("#remap")).isEmpty();
    assertThat(browser.findAll("#confirm")).isEmpty();
    assertThat(changes).as("the second journey uploaded a newer version").isNotNull();
    browser.go(changes);
    assertThat(browser.heading()).isEqualTo("Check what the newer document changes");
    assertThat(browser.findAll("#apply")).isEmpty();
    steps.signOut();

    steps.signIn(otherManager);
    browser.go(preview);
    assertThat(browser.heading()).isEqualTo("Page not found");
    browser.go(preview.replace(walsall, peterborough));
    assertThat(browser.heading()).isEqualTo("Page not found");
    browser.go(changes);
    assertThat(browser.heading()).isEqualTo("Page not found");
  }

  private WebElement roleSelectFor(String header) {
    List<WebElement> labels = browser.findAll("#mapping-form label");
    for (WebElement label : labels) {
      if (label.getText().strip().equals("Column \"" + header + "\"")) {
        return browser.find("#" + label.getAttribute("for"));
      }
    }
    throw new AssertionError(
        "No column "
            + header
            + " in the mapping form: "
            + labels.stream().map(WebElement::getText).toList());
  }

  private List<String> ragTags() {
    return browser.findAll("#proposed-plan tbody td strong.govuk-tag").stream()
        .map(WebElement::getText)
        .toList();
  }

  private void upload(String name, byte[] content) {
    try {
      Path file = Files.createTempDirectory("journeys-upload").resolve(name);
      Files.write(file, content);
      browser.find("#file").sendKeys(file.toAbsolutePath().toString());
      steps.click("#read-document");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
