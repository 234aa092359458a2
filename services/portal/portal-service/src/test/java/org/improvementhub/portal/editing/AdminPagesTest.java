package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The council admin's pages: users and roles, notification settings and the delivery log. */
@MicronautTest
class AdminPagesTest extends AgainstStandInServices {

  private static final String USER = "66666666-6666-6666-6666-666666666666";

  @BeforeEach
  void walsallHasAUserSettingsAndEmails() {
    fake.forgetCalls();
    String user =
        ("{\"id\":\"%s\",\"email\":\"sam@walsall.test\",\"displayName\":\"Sam Patel\","
                + "\"roles\":[\"PROGRAMME_MANAGER\"],\"disabled\":false}")
            .formatted(USER);
    String emails =
        IntStream.range(0, 120)
            .mapToObj(
                i ->
                    ("{\"id\":\"%s\",\"kind\":\"OVERDUE_REPEAT\",\"status\":\"SENT\","
                            + "\"recipient\":\"lead%d@walsall.test\",\"attempts\":1,"
                            + "\"createdAt\":\"2026-11-0%dT09:00:00Z\"}")
                        .formatted(java.util.UUID.randomUUID(), i, 1 + i % 9))
            .collect(Collectors.joining(",", "[", "]"));
    fake.on("GET", "/councils/walsall", 200, "{\"name\":\"Walsall Council\"}")
        .on("GET", "/councils/walsall/users", 200, "[" + user + "]")
        .on("GET", "/councils/walsall/users/" + USER, 200, user)
        .on("PUT", "/councils/walsall/users/" + USER, 200, user)
        .on(
            "GET",
            "/councils/walsall/notification-settings",
            200,
            "{\"remindersEnabled\":true,\"overdueEnabled\":true,\"repeatsEnabled\":false,"
                + "\"escalationsEnabled\":true,\"reminderDaysBefore\":7,\"repeatEveryDays\":7,"
                + "\"escalateAfterDays\":14,\"senderName\":null,\"replyTo\":null}")
        .on("PUT", "/councils/walsall/notification-settings", 200, "{}")
        .on("GET", "/councils/walsall/email-deliveries", 200, emails);
  }

  @Test
  void theAdminMakesAProgrammeManagerAnActionLeadAndDisablesThem() {
    Browsing admin = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");

    assertThat(admin.get("/councils/walsall/admin/users").body())
        .contains("Sam Patel", "Programme manager", "Active");
    assertThat(admin.get("/councils/walsall/admin/users/" + USER).body())
        .contains("aria-describedby=\"role-PROGRAMME_MANAGER-hint\" checked");

    HttpResponse<String> none =
        admin.post("/councils/walsall/admin/users/" + USER, Map.of("account", "active"));
    assertThat(none.statusCode()).isEqualTo(422);
    assertThat(none.body())
        .contains("<a href=\"#role-COUNCIL_ADMIN\">Select at least one role</a>");

    HttpResponse<String> saved =
        admin.post(
            "/councils/walsall/admin/users/" + USER,
            Map.of("role-ACTION_LEAD", "yes", "account", "disabled"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(fake.calls("PUT", "/councils/walsall/users/" + USER).get(0).body())
        .isEqualTo("{\"roles\":[\"ACTION_LEAD\"],\"disabled\":true}");
  }

  @Test
  void notificationSettingsAreCheckedAndSaved() {
    Browsing admin = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");
    assertThat(admin.get("/councils/walsall/admin/notifications").body())
        .contains("name=\"remindersEnabled\" checked", "value=\"14\"");

    HttpResponse<String> wrong =
        admin.post(
            "/councils/walsall/admin/notifications",
            Map.of(
                "reminderDaysBefore",
                "0",
                "repeatEveryDays",
                "seven",
                "escalateAfterDays",
                "14",
                "replyTo",
                "not an address"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("<a href=\"#reminderDaysBefore\">Reminder days must be between 1 and 60</a>")
        .contains("<a href=\"#repeatEveryDays\">Repeat days must be a whole number of days")
        .contains("<a href=\"#replyTo\">Enter a reply-to address in the correct format");

    HttpResponse<String> saved =
        admin.post(
            "/councils/walsall/admin/notifications",
            Map.of(
                "remindersEnabled",
                "yes",
                "reminderDaysBefore",
                "5",
                "repeatEveryDays",
                "7",
                "escalateAfterDays",
                "21"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(fake.calls("PUT", "/councils/walsall/notification-settings").get(0).body())
        .contains("\"remindersEnabled\":true", "\"overdueEnabled\":false")
        .contains("\"reminderDaysBefore\":5", "\"escalateAfterDays\":21");
  }

  @Test
  void theDeliveryLogIsPaged() {
    Browsing admin = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");

    HttpResponse<String> first = admin.get("/councils/walsall/admin/email-deliveries");
    assertThat(first.body())
        .contains("lead0@walsall.test", "lead49@walsall.test", "Overdue repeat");
    assertThat(first.body())
        .doesNotContain("lead50@walsall.test", "rel=\"prev\"")
        .contains("rel=\"next\"");
    HttpResponse<String> third = admin.get("/councils/walsall/admin/email-deliveries?page=3");
    assertThat(third.body())
        .contains("lead100@walsall.test", "lead119@walsall.test", "rel=\"prev\"")
        .doesNotContain("lead99@", "rel=\"next\"");
    assertThat(fake.calls("GET", "/councils/walsall/email-deliveries?limit=")).isNotEmpty();
  }

  @Test
  void peopleWhoAreNotCouncilAdminsAreRefusedAndOtherCouncilsNotFound() {
    Browsing manager = Browsing.signedIn(server.getURI(), "programme-manager@walsall.test");
    assertThat(manager.get("/councils/walsall/admin/users").statusCode()).isEqualTo(403);
    assertThat(manager.get("/councils/walsall/admin/users").body()).doesNotContain("Sam Patel");
    assertThat(
            manager
                .post(
                    "/councils/walsall/admin/users/" + USER,
                    Map.of("role-COUNCIL_ADMIN", "yes", "account", "active"))
                .statusCode())
        .isEqualTo(403);
    Browsing observer = Browsing.signedIn(server.getURI(), "dfe-observer@dfe.test");
    assertThat(observer.get("/councils/walsall/admin/notifications").statusCode()).isEqualTo(403);
    assertThat(fake.calls("PUT", "/councils/")).isEmpty();

    Browsing admin = Browsing.signedIn(server.getURI(), "council-admin@walsall.test");
    for (String path :
        new String[] {
          "/councils/peterborough/admin/users",
          "/councils/peterborough/admin/users/" + USER,
          "/councils/peterborough/admin/notifications",
          "/councils/peterborough/admin/email-deliveries"
        }) {
      assertThat(admin.get(path).statusCode()).as(path).isEqualTo(404);
    }
  }
}
