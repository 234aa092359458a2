package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * People's journeys through the portal in headless Chromium, against the services running as their
 * own processes ({@link JourneyStack#shared()}): a programme manager reports an action Red and the
 * overview and an observer's cross-council page change; another council's address is not found; the
 * whole reporting journey works with the keyboard alone; and axe finds no WCAG 2.2 A/AA violation
 * on any page type. Screenshots of the main pages go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneysIT {

  private static final Duration OBSERVER_WAIT = Duration.ofSeconds(30);

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private Map.Entry<String, String> reportedRed;
  private Map.Entry<String, String> reportedByKeyboard;
  private JourneyStack stack;
  private Browser browser;
  private String manager;
  private String observer;
  private String peterboroughAction;

  @BeforeAll
  void startTheStackAndTheBrowser() {
    Browser.requireBrowser();
    stack = JourneyStack.shared();
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
    browser = Browser.open(stack.portalUrl());
  }

  @AfterAll
  void closeTheBrowser() {
    // the stack is shared by every journey class of the JVM and stops when the JVM exits
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void signOut() {
    browser.driver().manage().deleteAllCookies();
  }

  @Test
  @Order(1)
  void managerReportsAnActionRedAndTheOverviewAndTheObserverSeeIt() {
    browser.go("/");
    assertThat(browser.path()).isEqualTo("/sign-in");
    browser.assertAccessible("sign-in");
    browser.screenshot("01-sign-in");

    navigate(() -> browser.find("#sign-in").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Enter your email address", "Enter your password");
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#email");
    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    browser.assertAccessible("sign-in with errors");
    browser.screenshot("02-sign-in-errors");

    signIn(manager);
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

    navigate(() -> browser.driver().findElement(By.linkText("Plan")).click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSize(58);
    browser.assertAccessible("plan");
    browser.screenshot("04-plan");
    new org.openqa.selenium.support.ui.Select(browser.find("#rag")).selectByValue("RED");
    navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSize(4);
    browser.find("#q").sendKeys(longestWord(reportedRed.getValue()));
    new org.openqa.selenium.support.ui.Select(browser.find("#rag")).selectByValue("");
    navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#plan tbody td a.govuk-link")).hasSizeBetween(1, 57);
    assertThat(browser.find("#plan").getText()).contains(reportedRed.getValue());

    navigate(() -> browser.driver().findElement(By.linkText(reportedRed.getValue())).click());
    assertThat(browser.heading()).isEqualTo(reportedRed.getValue());
    assertThat(browser.find("#details").getText()).contains("Green");
    browser.assertAccessible("action");
    browser.screenshot("05-action");

    browser.find("label[for='rag-RED']").click();
    navigate(() -> browser.find("#report-progress").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Enter a review note saying why the action is Red");
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#note");
    browser.assertAccessible("action with errors");
    browser.screenshot("06-action-errors");

    browser.find("#note").sendKeys("Partners have not signed the threshold document; escalated.");
    navigate(() -> browser.find("#report-progress").click());
    assertThat(browser.find(".govuk-notification-banner").getText()).contains("Progress reported");
    assertThat(browser.find("#progress-history").getText())
        .contains("Partners have not signed the threshold document; escalated.", "Red");
    assertThat(browser.find("#status").getText()).contains("Red");
    browser.screenshot("07-action-reported");

    navigate(() -> browser.driver().findElement(By.linkText("Overview")).click());
    assertThat(ragCounts()).containsEntry("RED", 5).containsEntry("GREEN", 28);

    navigate(
        () ->
            browser
                .driver()
                .findElement(By.xpath("//button[normalize-space()='Sign out']"))
                .click());
    assertThat(browser.heading()).isEqualTo("You have signed out");
    browser.assertAccessible("signed out");

    signIn(observer);
    assertThat(browser.path()).startsWith("/oversight");
    String redCell = "tr[data-council='" + walsall + "'] td[data-status='RED']";
    poll(
        () -> {
          browser.go("/oversight");
          return browser.find(redCell).getText();
        },
        "5"::equals);
    assertThat(browser.find("tr[data-council='" + peterborough + "']").getText()).contains("1");
    browser.assertAccessible("councils side by side");
    browser.screenshot("08-oversight");
    browser.go("/oversight?sort=red");
    assertThat(browser.findAll("#councils tbody tr").get(0).getAttribute("data-council"))
        .isEqualTo(walsall);

    navigate(() -> browser.driver().findElement(By.linkText("Walsall Council")).click());
    assertThat(ragCounts()).containsEntry("RED", 5);
    browser.go("/councils/" + walsall + "/actions/" + reportedRed.getKey());
    assertThat(browser.findAll("#report-progress")).isEmpty();
    assertThat(browser.findAll("main form")).isEmpty();
    browser.assertAccessible("action, read-only");
    browser.screenshot("09-observer-action");

    submitInjectedForm(
        "/councils/" + walsall + "/actions/" + reportedRed.getKey() + "/progress", true);
    assertThat(browser.heading()).isEqualTo("You cannot change this");
    browser.assertAccessible("refused");
    submitInjectedForm(
        "/councils/" + walsall + "/actions/" + reportedRed.getKey() + "/progress", false);
    assertThat(browser.heading()).isEqualTo("The form has expired");
    browser.assertAccessible("form expired");
  }

  @Test
  @Order(2)
  void anotherCouncilsAddressIsNotFound() throws Exception {
    signIn(manager);
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
      assertThat(statusOf(path)).as(path).isEqualTo(404);
    }
    browser.assertAccessible("not found");
    browser.screenshot("10-not-found");
    assertThat(statusOf("/oversight")).isEqualTo(403);
  }

  @Test
  @Order(3)
  void reportingProgressWorksWithTheKeyboardAlone() {
    browser.go("/sign-in");
    tabTo(e -> "email".equals(e.getAttribute("id")));
    keys(manager, Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("password");
    keysThenAwaitNavigation(JourneyStack.PASSWORD, Keys.ENTER);
    assertThat(browser.heading()).isEqualTo("Programme overview");

    String title = reportedByKeyboard.getValue();
    tabTo(e -> title.equals(e.getText()));
    keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.heading()).isEqualTo(title);

    tabTo(e -> "rag".equals(e.getAttribute("id")));
    keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    assertThat(browser.find("#rag-RED").isSelected()).isTrue();
    keys(Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("note");
    keys("The recovery plan slipped again; the Board is asked to intervene.", Keys.TAB);
    assertThat(active().getAttribute("id")).isEqualTo("report-progress");
    keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.find(".govuk-notification-banner").getText()).contains("Progress reported");
    assertThat(browser.find("#status").getText()).contains("Red");
  }

  @Test
  @Order(4)
  void whenAServiceIsDownThePortalSaysSoWithoutATrace() {
    signIn(manager);
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

  private void signIn(String email) {
    browser.go("/sign-in");
    browser.find("#email").sendKeys(email);
    browser.find("#password").sendKeys(JourneyStack.PASSWORD);
    navigate(() -> browser.find("#sign-in").click());
    assertThat(browser.path())
        .as("signing in as %s left: %s", email, browser.find("main").getText())
        .isNotEqualTo("/sign-in");
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

  /** Posts a form the page never offered, as a forged or replayed request would. */
  private void submitInjectedForm(String action, boolean withToken) {
    String token =
        withToken ? browser.find("input[name='csrf']").getAttribute("value") : "not-the-token";
    navigate(
        () ->
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + " for (const [k, v] of [['csrf', arguments[1]], ['period', '2026-11'],"
                        + " ['rag', 'RED'], ['note', 'forged']]) { const i = document.createElement('input');"
                        + " i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                        + " document.body.appendChild(f); f.submit();",
                    action,
                    token));
  }

  private int statusOf(String path) throws IOException, InterruptedException {
    String cookie = browser.driver().manage().getCookieNamed("hub_session").getValue();
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.portalUrl() + path))
                    .header("Cookie", "hub_session=" + cookie)
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }

  private WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  private void keys(CharSequence... keys) {
    new Actions(browser.driver()).sendKeys(keys).perform();
  }

  /** Keys that submit a form or follow a link return before the next page has loaded. */
  private void keysThenAwaitNavigation(CharSequence... keys) {
    navigate(() -> keys(keys));
  }

  /**
   * Does what loads a new page and waits until it has: the old document is marked, and the wait
   * ends when a document without the mark has finished loading.
   */
  private void navigate(Runnable step) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.__journeyOldPage = true;");
    step.run();
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                js.executeScript(
                        "return window.__journeyOldPage === undefined"
                            + " && document.readyState === 'complete';")
                    .equals(Boolean.TRUE));
  }

  /** Presses Tab until focus reaches the element wanted, as a keyboard user would. */
  private void tabTo(Predicate<WebElement> wanted) {
    for (int presses = 0; presses < 80; presses++) {
      keys(Keys.TAB);
      if (wanted.test(active())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached the element; focus is on " + active().getText());
  }

  private static <T> void poll(java.util.function.Supplier<T> read, Predicate<T> done) {
    long deadline = System.nanoTime() + OBSERVER_WAIT.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Still " + last + " after " + OBSERVER_WAIT);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      last = read.get();
    }
  }
}
