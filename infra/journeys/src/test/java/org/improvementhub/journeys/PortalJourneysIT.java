package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.TestCouncils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * People's journeys through the portal in headless Chromium, against the services running as their
 * own processes ({@link JourneyStack#shared()}): a programme manager reports an action Red and the
 * overview and an observer's cross-council page change; another council's address is not found; the
 * whole reporting journey works with the keyboard alone; and axe finds no WCAG 2.2 A/AA violation
 * on any page type. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysIT extends BrowserJourneys {

  private static final Duration OBSERVER_WAIT = Duration.ofSeconds(30);

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private Map.Entry<String, String> reportedRed;
  private Map.Entry<String, String> reportedByKeyboard;
  private String manager;
  private String observer;
  private String peterboroughAction;

  @BeforeAll
  void startTheStackAndTheBrowser() {
    stack.council(walsall, "Walsall Council", 335);
    stack.council(peterborough, "Peterborough City Council", 874);
    manager = stack.councilUser(walsall, "PROGRAMME_MANAGER");
    String peterboroughManager = stack.councilUser(peterborough, "PROGRAMME_MANAGER");
    observer = stack.observer("observer-" + walsall + "@dfe.test", List.of(walsall, peterborough));
    stack.importPlan(walsall, manager, walsallDemoPlan());
    reportedRed = stack.actionsAt(walsall, manager, "GREEN").get(0);
    reportedByKeyboard = stack.actionsAt(walsall, manager, "AMBER").get(0);
    LocalDate today = LocalDate.now();
    peterboroughAction =
        stack.action(
            peterborough,
            peterboroughManager,
            "2.1.3",
            "Reduce social worker caseloads",
            today.plusDays(30),
            "AMBER");
  }

  @Test
  @Order(1)
  void managerReportsAnActionRedAndTheOverviewAndTheObserverSeeIt() {
    browser.go("/");
    assertThat(browser.path()).isEqualTo("/sign-in");
    browser.assertAccessible("sign-in");
    browser.screenshot("01-sign-in");

    steps.navigate(() -> browser.find("#sign-in").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Enter your email address", "Enter your password");
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#email");
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    browser.assertAccessible("sign-in with errors");
    browser.screenshot("02-sign-in-errors");

    steps.signIn(manager);
    assertThat(browser.path()).isEqualTo("/councils/" + walsall);
    assertThat(browser.heading()).isEqualTo("Programme overview");
    // Walsall's own plan document: 58 actions, Blue 1, Green 29, Amber 10, Red 4, Grey 14
    assertThat(ragCounts())
        .containsExactly(
            Map.entry("BLUE", 1),
            Map.entry("GREEN", 29),
            Map.entry("AMBER", 10),
            Map.entry("RED", 4),
            Map.entry("GREY", 14));
    assertThat(browser.find("#rag-summary").getText())
        .contains("1.72%", "50.00%", "17.24%", "6.90%", "24.14%");
    assertThat(browser.find("svg.portal-chart title").getAttribute("textContent"))
        .contains("table below");
    assertThat(browser.find("main").getText())
        .contains("Red and Amber actions", reportedByKeyboard.getValue());
    browser.assertAccessible("overview");
    browser.screenshot("03-overview");

    steps.navigate(() -> browser.driver().findElement(By.linkText("Plan")).click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSize(58);
    browser.assertAccessible("plan");
    browser.screenshot("04-plan");
    new org.openqa.selenium.support.ui.Select(browser.find("#rag")).selectByValue("RED");
    steps.navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSize(4);
    browser.find("#q").sendKeys(longestWord(reportedRed.getValue()));
    new org.openqa.selenium.support.ui.Select(browser.find("#rag")).selectByValue("");
    steps.navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSizeBetween(1, 57);
    assertThat(browser.find("#plan").getText()).contains(reportedRed.getValue());

    steps.navigate(() -> browser.driver().findElement(By.linkText(reportedRed.getValue())).click());
    assertThat(browser.heading()).isEqualTo(reportedRed.getValue());
    assertThat(browser.find("#details").getText()).contains("Green");
    browser.assertAccessible("action");
    browser.screenshot("05-action");

    browser.find("label[for='rag-RED']").click();
    steps.navigate(() -> browser.find("#report-progress").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Enter a review note saying why the action is Red");
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#note");
    browser.assertAccessible("action with errors");
    browser.screenshot("06-action-errors");

    browser.find("#note").sendKeys("Partners have not signed the threshold document; escalated.");
    steps.navigate(() -> browser.find("#report-progress").click());
    assertThat(browser.find(".govuk-notification-banner").getText()).contains("Progress reported");
    assertThat(browser.find("#progress-history").getText())
        .contains("Partners have not signed the threshold document; escalated.", "Red");
    assertThat(browser.find("#status").getText()).contains("Red");
    browser.screenshot("07-action-reported");

    steps.navigate(() -> browser.driver().findElement(By.linkText("Overview")).click());
    assertThat(ragCounts()).containsEntry("RED", 5).containsEntry("GREEN", 28);

    steps.navigate(
        () ->
            browser
                .driver()
                .findElement(By.xpath("//button[normalize-space()='Sign out']"))
                .click());
    assertThat(browser.heading()).isEqualTo("You have signed out");
    browser.assertAccessible("signed out");

    steps.signIn(observer);
    assertThat(browser.path()).startsWith("/oversight");
    String redCell = "tr[data-council='" + walsall + "'] td[data-status='RED']";
    JourneySteps.poll(
        () -> {
          browser.go("/oversight");
          return browser.find(redCell).getText();
        },
        "5"::equals,
        OBSERVER_WAIT);
    assertThat(browser.find("tr[data-council='" + peterborough + "']").getText()).contains("1");
    browser.assertAccessible("councils side by side");
    browser.screenshot("08-oversight");
    browser.go("/oversight?sort=red");
    assertThat(browser.findAll("#councils tbody tr").get(0).getAttribute("data-council"))
        .isEqualTo(walsall);

    steps.navigate(() -> browser.driver().findElement(By.linkText("Walsall Council")).click());
    assertThat(ragCounts()).containsEntry("RED", 5);
    browser.go("/councils/" + walsall + "/actions/" + reportedRed.getKey());
    assertThat(browser.findAll("#report-progress")).isEmpty();
    assertThat(browser.findAll("main form")).isEmpty();
    browser.assertAccessible("action, read-only");
    browser.screenshot("09-observer-action");

    String progress = "/councils/" + walsall + "/actions/" + reportedRed.getKey() + "/progress";
    Map<String, String> forged = Map.of("period", "2026-11", "rag", "RED", "note", "forged");
    steps.postForm(progress, steps.pageToken(), forged);
    assertThat(browser.heading()).isEqualTo("You cannot change this");
    browser.assertAccessible("refused");
    steps.postForm(progress, "not-the-token", forged);
    assertThat(browser.heading()).isEqualTo("The form has expired");
    browser.assertAccessible("form expired");
  }

  @Test
  @Order(2)
  void anotherCouncilsAddressIsNotFound() throws Exception {
    steps.signIn(manager);
    for (String path :
        List.of(
            "/councils/" + peterborough,
            "/councils/" + peterborough + "/plan",
            "/councils/" + peterborough + "/actions/" + peterboroughAction,
            "/councils/" + walsall + "/actions/" + peterboroughAction,
            "/councils/" + peterborough + "/actions/" + reportedRed.getKey(),
            "/no-such-page")) {
      browser.go(path);
      assertThat(browser.heading()).as(path).isEqualTo("Page not found");
      assertThat(steps.status(path)).as(path).isEqualTo(404);
    }
    browser.assertAccessible("not found");
    browser.screenshot("10-not-found");
    assertThat(steps.status("/oversight")).isEqualTo(403);
  }

  @Test
  @Order(3)
  void reportingProgressWorksWithTheKeyboardAlone() {
    browser.go("/sign-in");
    steps.tabTo(e -> "email".equals(e.getAttribute("id")));
    steps.keys(manager, Keys.TAB);
    assertThat(steps.active().getAttribute("id")).isEqualTo("password");
    steps.keysThenAwaitNavigation(JourneyStack.PASSWORD, Keys.ENTER);
    assertThat(browser.heading()).isEqualTo("Programme overview");

    String title = reportedByKeyboard.getValue();
    steps.tabTo(e -> title.equals(e.getText()));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.heading()).isEqualTo(title);

    steps.tabTo(e -> "rag".equals(e.getAttribute("id")));
    steps.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(browser.find("#rag-RED").isSelected()).isTrue();
    steps.keys(Keys.TAB);
    assertThat(steps.active().getAttribute("id")).isEqualTo("note");
    steps.keys("The recovery plan slipped again; the Board is asked to intervene.", Keys.TAB);
    assertThat(steps.active().getAttribute("id")).isEqualTo("report-progress");
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.find(".govuk-notification-banner").getText()).contains("Progress reported");
    assertThat(browser.find("#status").getText()).contains("Red");
  }

  @Test
  @Order(4)
  void whenAServiceIsDownThePortalSaysSoWithoutATrace() {
    steps.signIn(manager);
    stack.stop(org.improvementhub.localstack.HubService.PLANS);
    try {
      browser.go("/councils/" + walsall + "/plan");

      assertThat(browser.heading()).isEqualTo("Sorry, there is a problem with the service");
      assertThat(browser.find("main").getText()).doesNotContain("Exception");
      browser.assertAccessible("problem");
    } finally {
      // the stack is shared: the next class expects plans up
      stack.restart(org.improvementhub.localstack.HubService.PLANS);
    }
  }

  private static byte[] walsallDemoPlan() {
    try (var in = PortalJourneysIT.class.getResourceAsStream("/demo-councils/walsall/plan.csv")) {
      assertThat(in).as("Walsall's demo plan from infra/demo-councils").isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String longestWord(String title) {
    String longest = "";
    for (String word : title.split("[^\\p{L}]+")) {
      if (word.length() > longest.length()) {
        longest = word;
      }
    }
    return longest;
  }

  private Map<String, Integer> ragCounts() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (WebElement row : browser.findAll("#rag-summary tbody tr[data-status]")) {
      counts.put(
          row.getAttribute("data-status"),
          Integer.parseInt(row.findElement(By.cssSelector("td[data-count]")).getText()));
    }
    return counts;
  }
}
