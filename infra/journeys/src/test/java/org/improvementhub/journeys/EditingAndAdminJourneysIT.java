package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Editing the plan, council administration and the observer's read-only pages in headless Chromium
 * on the shared journey stack: a programme manager adds an action (the error summary names a bad
 * date, then it is fixed), changes it and revises its due date, adds a driver and a risk; a council
 * admin changes a user's role and the notification settings; an observer sorts and filters the
 * councils, opens a trend and sees no edit control (a forged write is refused); editing works with
 * the keyboard alone; another council's addresses are not found. axe checks every new page type;
 * screenshots go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditingAndAdminJourneysIT {

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private JourneyStack stack;
  private Browser browser;
  private String manager;
  private String admin;
  private String actionLead;
  private String observer;
  private String walsallAction;
  private String peterboroughAction;
  private String peterboroughAdmin;

  @BeforeAll
  void councilsUsersAndTheBrowser() {
    Browser.requireBrowser();
    stack = JourneyStack.shared();
    stack.council(walsall, "Walsall Council", 335);
    stack.council(peterborough, "Peterborough City Council", 874);
    manager = stack.councilUser(walsall, "PROGRAMME_MANAGER");
    admin = stack.councilUser(walsall, "COUNCIL_ADMIN");
    actionLead = stack.councilUser(walsall, "ACTION_LEAD");
    String peterboroughManager = stack.councilUser(peterborough, "PROGRAMME_MANAGER");
    peterboroughAdmin = stack.councilUser(peterborough, "COUNCIL_ADMIN");
    observer = stack.observer("observer-" + walsall + "@dfe.test", List.of(walsall, peterborough));
    LocalDate today = LocalDate.now();
    walsallAction =
        stack.action(walsall, manager, "1.1", "Audit every open case", today.plusDays(20), "RED");
    stack.action(walsall, manager, "1.2", "Recruit permanent staff", today.plusDays(60), "GREEN");
    peterboroughAction =
        stack.action(
            peterborough,
            peterboroughManager,
            "2.1",
            "Reduce caseloads",
            today.plusDays(30),
            "AMBER");
    browser = Browser.open(stack.portalUrl());
  }

  @AfterAll
  void closeTheBrowser() {
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
  void aManagerAddsAnActionFixingABadDateThenChangesItAndRevisesItsDueDate() {
    signIn(manager);
    browser.go("/councils/" + walsall + "/plan");
    navigate(() -> browser.find("#add-action").click());
    assertThat(browser.heading()).isEqualTo("Add an action");
    browser.assertAccessible("add an action");

    browser.find("#ref").sendKeys("1.3");
    browser.find("#title").sendKeys("Weekly case audits by team managers");
    browser.find("#leads").sendKeys("Sam Patel, sam.patel@" + walsall + ".test, Head of Service");
    browser.find("#dueDate-day").sendKeys("31");
    browser.find("#dueDate-month").sendKeys("2");
    browser.find("#dueDate-year").sendKeys("2027");
    navigate(() -> browser.find("#save-action").click());

    assertThat(browser.driver().getTitle()).startsWith("Error: ");
    WebElement summaryLink = browser.find(".govuk-error-summary a");
    assertThat(summaryLink.getText()).isEqualTo("Due date must be a real date");
    assertThat(summaryLink.getAttribute("href")).endsWith("#dueDate-day");
    assertThat(browser.find("#title").getAttribute("value"))
        .isEqualTo("Weekly case audits by team managers");
    browser.assertAccessible("add an action with errors");
    browser.screenshot("21-add-action-errors");

    browser.find("#dueDate-day").clear();
    browser.find("#dueDate-day").sendKeys("28");
    navigate(() -> browser.find("#save-action").click());
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.heading()).isEqualTo("Weekly case audits by team managers");
    assertThat(browser.find("#details").getText()).contains("28 February 2027", "Sam Patel");
    browser.screenshot("22-action-added");

    navigate(() -> browser.find("#change-action").click());
    browser.assertAccessible("change an action");
    browser.find("#title").clear();
    browser.find("#title").sendKeys("Weekly case audits by every team manager");
    navigate(() -> browser.find("#save-action").click());
    assertThat(browser.heading()).isEqualTo("Weekly case audits by every team manager");

    navigate(() -> browser.find("#change-due-date").click());
    browser.find("#dueDate-day").sendKeys("31");
    browser.find("#dueDate-month").sendKeys("3");
    browser.find("#dueDate-year").sendKeys("2027");
    navigate(() -> browser.find("#save-due-date").click());
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#reason");
    browser.assertAccessible("change the due date with errors");
    browser.find("#reason").sendKeys("Team managers start in March");
    navigate(() -> browser.find("#save-due-date").click());
    assertThat(browser.find("#details").getText()).contains("31 March 2027", "(revised)");
  }

  @Test
  @Order(2)
  void aManagerAddsADriverAndARiskAndLinksTheDriverToAnAction() {
    signIn(manager);
    navigate(() -> browser.driver().findElement(By.linkText("Drivers")).click());
    browser.assertAccessible("drivers register (empty)");
    navigate(() -> browser.find("#add-driver").click());
    browser.find("#kind").click();
    browser.find("#ref").sendKeys("OR 1");
    browser.find("#text").sendKeys("Ensure all children at risk are seen promptly");
    new Select(browser.find("#timeframe")).selectByValue("WITHIN_3_MONTHS");
    browser.assertAccessible("add a driver");
    navigate(() -> browser.find("#save-driver").click());
    assertThat(browser.find("#drivers").getText()).contains("OR 1", "Within 3 months", "None");
    browser.assertAccessible("drivers register");
    browser.screenshot("23-drivers");

    browser.go("/councils/" + walsall + "/actions/" + walsallAction + "/edit");
    browser.findAll("input[type=checkbox][name^='driver-']").get(0).click();
    navigate(() -> browser.find("#save-action").click());
    assertThat(browser.find("#details").getText())
        .contains("OR 1 Ensure all children at risk are seen promptly");

    navigate(() -> browser.driver().findElement(By.linkText("Risks and issues")).click());
    navigate(() -> browser.find("#add-risk").click());
    browser.find("#kind").click();
    browser.find("#ref").sendKeys("R 1");
    browser.find("#description").sendKeys("Agency social workers leave before cases close");
    browser.find("#owner").sendKeys("Director of Children's Services");
    navigate(() -> browser.find("#save-risk").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Select the risk's likelihood, 1 to 5", "Select the risk's impact, 1 to 5");
    browser.assertAccessible("add a risk with errors");
    new Select(browser.find("#likelihood")).selectByValue("4");
    new Select(browser.find("#impact")).selectByValue("3");
    navigate(() -> browser.find("#save-risk").click());
    assertThat(browser.find("#risks").getText()).contains("R 1", "12", "Open");
    browser.assertAccessible("risks and issues");
    browser.screenshot("24-risks");
  }

  @Test
  @Order(3)
  void aCouncilAdminMakesAnActionLeadAProgrammeManagerAndChangesNotificationSettings() {
    signIn(admin);
    navigate(() -> browser.driver().findElement(By.linkText("Admin")).click());
    assertThat(browser.heading()).isEqualTo("Users and roles");
    browser.assertAccessible("users and roles");
    WebElement row = rowWith("#users", actionLead);
    assertThat(row.getText()).contains("Action lead");
    navigate(() -> row.findElement(By.cssSelector("a[href*='/admin/users/']")).click());
    browser.assertAccessible("change a user");
    browser.find("#role-ACTION_LEAD").click();
    browser.find("#role-PROGRAMME_MANAGER").click();
    navigate(() -> browser.find("#save-user").click());
    assertThat(rowWith("#users", actionLead).getText())
        .contains("Programme manager")
        .doesNotContain("Action lead");
    browser.screenshot("25-users");

    navigate(() -> browser.driver().findElement(By.linkText("Notification settings")).click());
    browser.assertAccessible("notification settings");
    browser.find("#reminderDaysBefore").clear();
    browser.find("#reminderDaysBefore").sendKeys("0");
    navigate(() -> browser.find("#save-settings").click());
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href"))
        .endsWith("#reminderDaysBefore");
    browser.assertAccessible("notification settings with errors");
    browser.find("#reminderDaysBefore").clear();
    browser.find("#reminderDaysBefore").sendKeys("5");
    navigate(() -> browser.find("#save-settings").click());
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.find("#reminderDaysBefore").getAttribute("value")).isEqualTo("5");

    navigate(() -> browser.driver().findElement(By.linkText("Email delivery log")).click());
    assertThat(browser.heading()).isEqualTo("Email delivery log");
    browser.assertAccessible("email delivery log");

    // the user changed can now add actions: their next sign-in carries the new role
    browser.driver().manage().deleteAllCookies();
    signIn(actionLead);
    browser.go("/councils/" + walsall + "/plan");
    assertThat(browser.findAll("#add-action")).hasSize(1);
  }

  @Test
  @Order(4)
  void anObserverSortsAndFiltersOpensATrendAndCannotChangeAnything() throws Exception {
    signIn(observer);
    browser.go("/oversight?sort=red");
    assertThat(browser.findAll("#councils tbody tr").get(0).getAttribute("data-council"))
        .isEqualTo(walsall);
    browser.find("#name").sendKeys("Peterborough");
    navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#councils tbody tr"))
        .extracting(r -> r.getAttribute("data-council"))
        .containsExactly(peterborough);

    browser.go("/oversight");
    WebElement walsallRow = browser.find("#councils tr[data-council='" + walsall + "']");
    navigate(() -> walsallRow.findElement(By.cssSelector("a.portal-trend-link")).click());
    assertThat(browser.heading()).isEqualTo("Trend by reporting period");
    assertThat(browser.find("main").getText()).contains("Walsall Council");
    browser.assertAccessible("council trend");
    browser.screenshot("26-trend");

    browser.go("/councils/" + walsall + "/actions/" + walsallAction);
    assertThat(browser.findAll("#edit-controls, form[action*='/progress']")).isEmpty();
    for (String page : new String[] {"/plan", "/drivers", "/risks"}) {
      browser.go("/councils/" + walsall + page);
      assertThat(browser.findAll("#add-action, #add-driver, #add-risk, a[href$='/edit']"))
          .as(page)
          .isEmpty();
    }
    browser.assertAccessible("risks and issues, read-only");
    submitInjectedForm("/councils/" + walsall + "/actions/new", "title", "Forged");
    assertThat(browser.heading()).isEqualTo("You cannot change this");
    assertThat(statusOf("/councils/" + walsall + "/actions/" + walsallAction + "/edit"))
        .isEqualTo(403);
    assertThat(statusOf("/councils/" + walsall + "/admin/users")).isEqualTo(403);
  }

  @Test
  @Order(5)
  void aManagerChangesAnActionWithTheKeyboardAlone() {
    signIn(manager);
    browser.go("/councils/" + walsall + "/actions/" + walsallAction);
    tabTo(e -> "change-action".equals(e.getAttribute("id")));
    keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.path()).endsWith("/edit");
    tabTo(e -> "title".equals(e.getAttribute("id")));
    keys(Keys.END, " by Friday");
    tabTo(e -> "save-action".equals(e.getAttribute("id")));
    keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.heading()).isEqualTo("Audit every open case by Friday");
  }

  @Test
  @Order(6)
  void anotherCouncilsEditingAndAdminAddressesAreNotFound() throws Exception {
    signIn(admin);
    String p = "/councils/" + peterborough;
    for (String path :
        new String[] {
          p + "/actions/new",
          p + "/actions/" + peterboroughAction + "/edit",
          p + "/actions/" + peterboroughAction + "/due-date",
          "/councils/" + walsall + "/actions/" + peterboroughAction + "/edit",
          p + "/drivers",
          p + "/drivers/new",
          p + "/risks",
          p + "/risks/new",
          p + "/admin/users",
          p + "/admin/notifications",
          p + "/admin/email-deliveries"
        }) {
      assertThat(statusOf(path)).as(path).isEqualTo(404);
    }
    browser.go(p + "/admin/users");
    assertThat(browser.heading()).isEqualTo("Page not found");
    assertThat(browser.find("main").getText()).doesNotContain(peterboroughAdmin);
    // a council user is not an observer: oversight refuses them every council's trend
    assertThat(statusOf("/oversight/councils/" + peterborough + "/trend")).isIn(403, 404);
  }

  private WebElement rowWith(String table, String text) {
    return browser.findAll(table + " tbody tr").stream()
        .filter(r -> r.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row with " + text));
  }

  private void signIn(String email) {
    browser.go("/sign-in");
    browser.find("#email").sendKeys(email);
    browser.find("#password").sendKeys(JourneyStack.PASSWORD);
    navigate(() -> browser.find("#sign-in").click());
    assertThat(browser.path()).as("signing in as %s", email).isNotEqualTo("/sign-in");
  }

  /** Posts a form the page never offered, with the session's token, as a forged write would. */
  private void submitInjectedForm(String action, String field, String value) {
    String token = browser.find("input[name='csrf']").getAttribute("value");
    navigate(
        () ->
            ((JavascriptExecutor) browser.driver())
                .executeScript(
                    "const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + " for (const [k, v] of [['csrf', arguments[1]], [arguments[2], arguments[3]]]) {"
                        + " const i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
                        + " i.value = v; f.appendChild(i); } document.body.appendChild(f); f.submit();",
                    action,
                    token,
                    field,
                    value));
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

  private void keysThenAwaitNavigation(CharSequence... keys) {
    navigate(() -> keys(keys));
  }

  /** Does what loads a new page and waits until the new page has loaded. */
  private void navigate(Runnable step) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript("window.__journeyOldPage = true;");
    step.run();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                js.executeScript(
                        "return window.__journeyOldPage === undefined"
                            + " && document.readyState === 'complete';")
                    .equals(Boolean.TRUE));
  }

  /** Presses Tab until focus reaches the element wanted, as a keyboard user would. */
  private void tabTo(java.util.function.Predicate<WebElement> wanted) {
    for (int presses = 0; presses < 80; presses++) {
      keys(Keys.TAB);
      if (wanted.test(active())) {
        return;
      }
    }
    throw new AssertionError("Tab never reached the element; focus is on " + active().getText());
  }
}
