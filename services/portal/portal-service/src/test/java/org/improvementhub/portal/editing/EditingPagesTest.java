package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The action forms against stand-in services: what is sent to the plans service, the error summary
 * naming each field, the refused page for roles that may not edit, and the not-found page for
 * another council's records (the services answer 404, the fake too).
 */
@MicronautTest
class EditingPagesTest extends AgainstStandInServices {

  static final String ACTION = "11111111-1111-1111-1111-111111111111";
  static final String DRIVER = "22222222-2222-2222-2222-222222222222";
  static final String PROGRAMME = "33333333-3333-3333-3333-333333333333";
  static final String ITEM = "44444444-4444-4444-4444-444444444444";

  @BeforeEach
  void walsallHasAnActionADriverAndAPlan() {
    fake.forgetCalls();
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on(
            "GET",
            "/councils/walsall/actions/" + ACTION,
            200,
            ("{\"id\":\"%s\",\"ref\":\"3.1\",\"title\":\"Establish the MASH\",\"dueDate\":\"2026-03-01\","
                    + "\"leads\":[{\"name\":\"Sam Patel\",\"email\":\"sam@walsall.test\",\"role\":\"Head of Service\"}],"
                    + "\"ragStatus\":\"AMBER\"}")
                .formatted(ACTION))
        .on(
            "GET",
            "/councils/walsall/drivers",
            200,
            "[{\"id\":\"%s\",\"ref\":\"OR 1\",\"text\":\"Improve the front door\",\"actionIds\":[\"%s\"]}]"
                .formatted(DRIVER, ACTION))
        .on(
            "GET",
            "/councils/walsall/programmes",
            200,
            "[{\"id\":\"%s\",\"name\":\"Improvement plan\"}]".formatted(PROGRAMME))
        .on(
            "GET",
            "/councils/walsall/programmes/" + PROGRAMME + "/tree",
            200,
            ("{\"nodes\":[{\"kind\":\"ITEM\",\"id\":\"%s\",\"ref\":\"1\",\"title\":\"Safeguarding\","
                    + "\"level\":\"Priority\",\"children\":[]}]}")
                .formatted(ITEM))
        .on("POST", "/councils/walsall/actions", 201, "{\"id\":\"%s\"}".formatted(ACTION))
        .on(
            "PATCH",
            "/councils/walsall/actions/" + ACTION,
            200,
            "{\"id\":\"%s\"}".formatted(ACTION))
        .on("GET", "/councils/walsall/actions/" + ACTION + "/due-date-revisions", 200, "[]")
        .on(
            "POST",
            "/councils/walsall/actions/" + ACTION + "/due-date-revisions",
            201,
            "{\"dueDate\":\"2026-06-01\"}")
        .on("DELETE", "/councils/walsall/drivers/" + DRIVER + "/actions/" + ACTION, 200, "{}");
  }

  @Test
  void aProgrammeManagerAddsAnActionAndItsPlaceLeadsDatesAndDriversReachThePlansService() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> form = manager.get("/councils/walsall/actions/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Add an action", "Priority 1 Safeguarding", "OR 1 Improve the front door")
        .contains("id=\"dueDate-day\"", "name=\"driver-" + DRIVER + "\"");

    HttpResponse<String> added =
        manager.post(
            "/councils/walsall/actions/new",
            Map.of(
                "ref",
                "3.2",
                "title",
                "Run weekly audits",
                "place",
                PROGRAMME + "/" + ITEM,
                "leads",
                "Sam Patel, sam@walsall.test, Head of Service\nAlex Jones, alex@walsall.test",
                "dueDate-day",
                "27",
                "dueDate-month",
                "3",
                "dueDate-year",
                "2027",
                "driver-" + DRIVER,
                "yes"));

    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(added.headers().firstValue("Location"))
        .contains("/councils/walsall/actions/" + ACTION + "?saved=yes");
    String sent = fake.calls("POST", "/councils/walsall/actions").get(0).body();
    assertThat(sent)
        .contains("\"ref\":\"3.2\"", "\"dueDate\":\"2027-03-27\"")
        .contains("\"programmeId\":\"" + PROGRAMME + "\"", "\"parentId\":\"" + ITEM + "\"")
        .contains("\"email\":\"alex@walsall.test\"", "\"role\":\"Head of Service\"");
  }

  @Test
  void aBadDateAndMissingFieldsShowTheErrorSummaryNamingEachFieldAndNothingIsSent() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> refused =
        manager.post(
            "/councils/walsall/actions/new",
            Map.of(
                "ref", "",
                "title", "Run weekly audits",
                "leads", "Sam Patel without an email",
                "dueDate-day", "31",
                "dueDate-month", "2",
                "dueDate-year", "2027"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("<title>Error: Add an action")
        .contains("<a href=\"#ref\">Enter the action&#39;s ref, such as 2.1.3</a>")
        .contains("<a href=\"#leads\">Lead 1 must be a name and an email address")
        .contains("<a href=\"#dueDate-day\">Due date must be a real date</a>")
        .contains("value=\"Run weekly audits\"", "govuk-input--error");
    assertThat(fake.calls("POST", "/councils/walsall/actions")).isEmpty();
  }

  @Test
  void theServicesRefusalIsShownAgainstItsField() {
    fake.on(
        "POST",
        "/councils/walsall/actions",
        422,
        "{\"detail\":\"Invalid\",\"errors\":[{\"field\":\"ref\",\"message\":\"3.1 is already used\"}]}");
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> refused =
        manager.post(
            "/councils/walsall/actions/new",
            Map.of(
                "ref", "3.1",
                "title", "Again",
                "leads", "Sam Patel, sam@walsall.test",
                "dueDate-day", "1",
                "dueDate-month", "4",
                "dueDate-year", "2027"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("<a href=\"#ref\">Ref 3.1 is already used</a>");
  }

  @Test
  void editingChangesTheDetailsAndUnlinksAnUntickedDriver() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    HttpResponse<String> form = manager.get("/councils/walsall/actions/" + ACTION + "/edit");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("Establish the MASH", "Sam Patel, sam@walsall.test, Head of Service")
        .contains("name=\"driver-" + DRIVER + "\" checked")
        .doesNotContain("id=\"ref\"", "id=\"dueDate-day\"", "id=\"place\"");

    HttpResponse<String> saved =
        manager.post(
            "/councils/walsall/actions/" + ACTION + "/edit",
            Map.of(
                "title", "Establish the MASH by spring", "leads", "Sam Patel, sam@walsall.test"));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(fake.calls("PATCH", "/councils/walsall/actions/" + ACTION).get(0).body())
        .contains("\"title\":\"Establish the MASH by spring\"");
    assertThat(fake.calls("DELETE", "/councils/walsall/drivers/" + DRIVER)).hasSize(1);
  }

  @Test
  void movingAnActionUnderAnotherItemOfItsPlanPlacesItLastThere() {
    String moved = "77777777-7777-7777-7777-777777777777";
    String other = "88888888-8888-8888-8888-888888888888";
    fake.on(
            "GET",
            "/councils/walsall/actions/" + moved,
            200,
            ("{\"id\":\"%s\",\"ref\":\"1.1\",\"title\":\"Placed\",\"dueDate\":\"2026-03-01\","
                    + "\"programmeId\":\"%s\",\"parentId\":\"%s\","
                    + "\"leads\":[{\"name\":\"Sam\",\"email\":\"sam@walsall.test\"}]}")
                .formatted(moved, PROGRAMME, ITEM))
        .on(
            "GET",
            "/councils/walsall/programmes/" + PROGRAMME + "/tree",
            200,
            ("{\"nodes\":[{\"kind\":\"ITEM\",\"id\":\"%s\",\"ref\":\"1\",\"title\":\"Safeguarding\","
                    + "\"level\":\"Priority\",\"children\":[]},{\"kind\":\"ITEM\",\"id\":\"%s\","
                    + "\"ref\":\"2\",\"title\":\"Workforce\",\"level\":\"Priority\",\"children\":[]}]}")
                .formatted(ITEM, other))
        .on("PATCH", "/councils/walsall/actions/" + moved, 200, "{}")
        .on("PUT", "/councils/walsall/actions/" + moved + "/placement", 200, "{}");
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    assertThat(manager.get("/councils/walsall/actions/" + moved + "/edit").body())
        .contains("Priority 2 Workforce")
        .doesNotContain("Not in a programme");

    HttpResponse<String> saved =
        manager.post(
            "/councils/walsall/actions/" + moved + "/edit",
            Map.of(
                "title",
                "Placed",
                "leads",
                "Sam, sam@walsall.test",
                "place",
                PROGRAMME + "/" + other));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(fake.calls("PUT", "/councils/walsall/actions/" + moved + "/placement"))
        .singleElement()
        .satisfies(call -> assertThat(call.body()).contains("\"parentId\":\"" + other + "\""));
  }

  @Test
  void aDueDateRevisionNeedsAReason() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    String path = "/councils/walsall/actions/" + ACTION + "/due-date";

    HttpResponse<String> noReason =
        manager.post(
            path, Map.of("dueDate-day", "1", "dueDate-month", "6", "dueDate-year", "2026"));
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(noReason.body())
        .contains("<a href=\"#reason\">Enter why the due date is changing</a>");

    HttpResponse<String> revised =
        manager.post(
            path,
            Map.of(
                "dueDate-day", "1",
                "dueDate-month", "6",
                "dueDate-year", "2026",
                "reason", "Recruitment took longer"));
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(303);
    assertThat(fake.calls("POST", "/councils/walsall/actions/" + ACTION + "/due-date-revisions"))
        .singleElement()
        .satisfies(call -> assertThat(call.body()).contains("\"dueDate\":\"2026-06-01\""));
  }

  @Test
  void observersAndActionLeadsGetTheRefusedPageAndNothingIsSent() {
    for (String email : new String[] {"dfe-observer@dfe.test", "action-lead@walsall.test"}) {
      Browsing reader = Browsing.signedIn(server.getURI(), email);
      assertThat(reader.get("/councils/walsall/actions/new").statusCode()).isEqualTo(403);
      assertThat(reader.get("/councils/walsall/actions/" + ACTION + "/edit").statusCode())
          .isEqualTo(403);
      HttpResponse<String> forged =
          reader.post(
              "/councils/walsall/actions/" + ACTION + "/edit",
              Map.of("title", "Forged", "leads", "A, a@b.test"));
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("You cannot change this");
    }
    assertThat(fake.calls("PATCH", "/councils/")).isEmpty();
  }

  @Test
  void anotherCouncilsActionIsNotFound() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");

    for (String path :
        new String[] {
          "/councils/peterborough/actions/new",
          "/councils/peterborough/actions/" + ACTION + "/edit",
          "/councils/peterborough/actions/" + ACTION + "/due-date",
          "/councils/walsall/actions/not-an-id/edit"
        }) {
      HttpResponse<String> page = manager.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body()).contains("Page not found");
    }
  }
}
