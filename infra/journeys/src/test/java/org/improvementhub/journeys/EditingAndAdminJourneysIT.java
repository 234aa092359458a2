package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.Select;

/**
 * Editing the plan, council administration and the observer's read-only pages in headless Chromium
 * on the shared journey stack: a programme manager adds an action (the error summary names a bad
 * date, then it is fixed), changes it and revises its due date, adds a driver and a risk; a council
 * admin changes a user's role and the notification settings; an observer sorts and filters the
 * councils, opens a trend and sees no edit control (a forged write is refused); editing works with
 * the keyboard alone; another council's addresses are not found. axe checks every new page type;
 * screenshots go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditingAndAdminJourneysIT extends BrowserJourneys {

  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private String manager;
  private String admin;
  private String actionLead;
  private String observer;
  private String walsallAction;
  private String peterboroughAction;
  private String peterboroughAdmin;

  @BeforeAll
  void councilsUsersAndTheBrowser() {
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
  }

  @Test
  @Order(1)
  void aManagerAddsAnActionFixingABadDateThenChangesItAndRevisesItsDueDate() {
    steps.signIn(manager);
    browser.go("/councils/" + walsall + "/plan");
    steps.navigate(() -> browser.find("#add-action").click());
    assertThat(browser.heading()).isEqualTo("Add an action");
    browser.assertAccessible("add an action");

    browser.find("#ref").sendKeys("1.3");
    browser.find("#title").sendKeys("Weekly case audits by team managers");
    browser.find("#leads").sendKeys("Sam Patel, sam.patel@" + walsall + ".test, Head of Service");
    browser.find("#dueDate-day").sendKeys("31");
    browser.find("#dueDate-month").sendKeys("2");
    browser.find("#dueDate-year").sendKeys("2027");
    steps.navigate(() -> browser.find("#save-action").click());

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
    steps.navigate(() -> browser.find("#save-action").click());
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.heading()).isEqualTo("Weekly case audits by team managers");
    assertThat(browser.find("#details").getText()).contains("28 February 2027", "Sam Patel");
    browser.screenshot("22-action-added");

    steps.navigate(() -> browser.find("#change-action").click());
    browser.assertAccessible("change an action");
    browser.find("#title").clear();
    browser.find("#title").sendKeys("Weekly case audits by every team manager");
    steps.navigate(() -> browser.find("#save-action").click());
    assertThat(browser.heading()).isEqualTo("Weekly case audits by every team manager");

    steps.navigate(() -> browser.find("#change-due-date").click());
    browser.find("#dueDate-day").sendKeys("31");
    browser.find("#dueDate-month").sendKeys("3");
    browser.find("#dueDate-year").sendKeys("2027");
    steps.navigate(() -> browser.find("#save-due-date").click());
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href")).endsWith("#reason");
    browser.assertAccessible("change the due date with errors");
    browser.find("#reason").sendKeys("Team managers start in March");
    steps.navigate(() -> browser.find("#save-due-date").click());
    assertThat(browser.find("#details").getText()).contains("31 March 2027", "(revised)");
  }

  @Test
  @Order(2)
  void aManagerAddsADriverAndARiskAndLinksTheDriverToAnAction() {
    steps.signIn(manager);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Drivers")).click());
    browser.assertAccessible("drivers register (empty)");
    steps.navigate(() -> browser.find("#add-driver").click());
    browser.find("#kind").click();
    browser.find("#ref").sendKeys("OR 1");
    browser.find("#text").sendKeys("Ensure all children at risk are seen promptly");
    new Select(browser.find("#timeframe")).selectByValue("WITHIN_3_MONTHS");
    browser.assertAccessible("add a driver");
    steps.navigate(() -> browser.find("#save-driver").click());
    assertThat(browser.find("#drivers").getText()).contains("OR 1", "Within 3 months", "None");
    browser.assertAccessible("drivers register");
    browser.screenshot("23-drivers");

    browser.go("/councils/" + walsall + "/actions/" + walsallAction + "/edit");
    browser.findAll("input[type=checkbox][name^='driver-']").get(0).click();
    steps.navigate(() -> browser.find("#save-action").click());
    assertThat(browser.find("#details").getText())
        .contains("OR 1 Ensure all children at risk are seen promptly");

    steps.navigate(() -> browser.driver().findElement(By.linkText("Risks and issues")).click());
    steps.navigate(() -> browser.find("#add-risk").click());
    browser.find("#kind").click();
    browser.find("#ref").sendKeys("R 1");
    browser.find("#description").sendKeys("Agency social workers leave before cases close");
    browser.find("#owner").sendKeys("Director of Children's Services");
    steps.navigate(() -> browser.find("#save-risk").click());
    assertThat(browser.find(".govuk-error-summary").getText())
        .contains("Select the risk's likelihood, 1 to 5", "Select the risk's impact, 1 to 5");
    browser.assertAccessible("add a risk with errors");
    new Select(browser.find("#likelihood")).selectByValue("4");
    new Select(browser.find("#impact")).selectByValue("3");
    steps.navigate(() -> browser.find("#save-risk").click());
    assertThat(browser.find("#risks").getText()).contains("R 1", "12", "Open");
    browser.assertAccessible("risks and issues");
    browser.screenshot("24-risks");
  }

  @Test
  @Order(3)
  void aCouncilAdminMakesAnActionLeadAProgrammeManagerAndChangesNotificationSettings() {
    steps.signIn(admin);
    steps.navigate(() -> browser.driver().findElement(By.linkText("Admin")).click());
    assertThat(browser.heading()).isEqualTo("Users and roles");
    browser.assertAccessible("users and roles");
    WebElement row = rowWith("#users", actionLead);
    assertThat(row.getText()).contains("Action lead");
    steps.navigate(() -> row.findElement(By.cssSelector("a[href*='/admin/users/']")).click());
    browser.assertAccessible("change a user");
    browser.find("#role-ACTION_LEAD").click();
    browser.find("#role-PROGRAMME_MANAGER").click();
    steps.navigate(() -> browser.find("#save-user").click());
    assertThat(rowWith("#users", actionLead).getText())
        .contains("Programme manager")
        .doesNotContain("Action lead");
    browser.screenshot("25-users");

    steps.navigate(
        () -> browser.driver().findElement(By.linkText("Notification settings")).click());
    browser.assertAccessible("notification settings");
    browser.find("#reminderDaysBefore").clear();
    browser.find("#reminderDaysBefore").sendKeys("0");
    steps.navigate(() -> browser.find("#save-settings").click());
    assertThat(browser.find(".govuk-error-summary a").getAttribute("href"))
        .endsWith("#reminderDaysBefore");
    browser.assertAccessible("notification settings with errors");
    browser.find("#reminderDaysBefore").clear();
    browser.find("#reminderDaysBefore").sendKeys("5");
    steps.navigate(() -> browser.find("#save-settings").click());
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.find("#reminderDaysBefore").getAttribute("value")).isEqualTo("5");

    steps.navigate(() -> browser.driver().findElement(By.linkText("Email delivery log")).click());
    assertThat(browser.heading()).isEqualTo("Email delivery log");
    browser.assertAccessible("email delivery log");

    // the user changed can now add actions: their next sign-in carries the new role
    browser.driver().manage().deleteAllCookies();
    steps.signIn(actionLead);
    browser.go("/councils/" + walsall + "/plan");
    assertThat(browser.findAll("#add-action")).hasSize(1);
  }

  @Test
  @Order(4)
  void anObserverSortsAndFiltersOpensATrendAndCannotChangeAnything() throws Exception {
    steps.signIn(observer);
    browser.go("/oversight?sort=red");
    assertThat(browser.findAll("#councils tbody tr").get(0).getAttribute("data-council"))
        .isEqualTo(walsall);
    browser.find("#name").sendKeys("Peterborough");
    steps.navigate(() -> browser.find("#apply-filters").click());
    assertThat(browser.findAll("#councils tbody tr"))
        .extracting(r -> r.getAttribute("data-council"))
        .containsExactly(peterborough);

    browser.go("/oversight");
    WebElement walsallRow = browser.find("#councils tr[data-council='" + walsall + "']");
    steps.navigate(() -> walsallRow.findElement(By.cssSelector("a.portal-trend-link")).click());
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
    steps.postForm(
        "/councils/" + walsall + "/actions/new", steps.pageToken(), Map.of("title", "Forged"));
    assertThat(browser.heading()).isEqualTo("You cannot change this");
    assertThat(steps.status("/councils/" + walsall + "/actions/" + walsallAction + "/edit"))
        .isEqualTo(403);
    assertThat(steps.status("/councils/" + walsall + "/admin/users")).isEqualTo(403);
  }

  @Test
  @Order(5)
  void aManagerChangesAnActionWithTheKeyboardAlone() {
    steps.signIn(manager);
    browser.go("/councils/" + walsall + "/actions/" + walsallAction);
    steps.tabTo(e -> "change-action".equals(e.getAttribute("id")));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.path()).endsWith("/edit");
    steps.tabTo(e -> "title".equals(e.getAttribute("id")));
    steps.keys(Keys.END, " by Friday");
    steps.tabTo(e -> "save-action".equals(e.getAttribute("id")));
    steps.keysThenAwaitNavigation(Keys.ENTER);
    assertThat(browser.find("#saved-title").getText()).isEqualTo("Success");
    assertThat(browser.heading()).isEqualTo("Audit every open case by Friday");
  }

  @Test
  @Order(6)
  void anotherCouncilsEditingAndAdminAddressesAreNotFound() throws Exception {
    steps.signIn(admin);
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
      assertThat(steps.status(path)).as(path).isEqualTo(404);
    }
    browser.go(p + "/admin/users");
    assertThat(browser.heading()).isEqualTo("Page not found");
    assertThat(browser.find("main").getText()).doesNotContain(peterboroughAdmin);
    // a council user is not an observer: oversight refuses them every council's trend
    assertThat(steps.status("/oversight/councils/" + peterborough + "/trend")).isIn(403, 404);
  }

  private WebElement rowWith(String table, String text) {
    return browser.findAll(table + " tbody tr").stream()
        .filter(r -> r.getText().contains(text))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No row with " + text));
  }
}
