package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.improvementhub.notifications.ActionEvents.Action;
import org.improvementhub.notifications.ActionEvents.Person;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A council admin's notification settings: read with their defaults, validated field by field, and
 * applied (reminders off: none sent; the sender's name on every email). Bank holidays: read by
 * anyone signed in, replaced a year at a time by the platform admin only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsIT implements TestPropertyProvider {

  /** Wednesday 10 April 2030, 10 a.m. in the UK. */
  private static final LocalDate TODAY = LocalDate.of(2030, 4, 10);

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.fixed-clock", "2030-04-10T09:00:00Z")
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = bed.council("rotherham", "Rotherham Council", 372);
  private final TestTokens tokens = TestTokens.shared();
  private final String admin = tokens.councilUser(council, "COUNCIL_ADMIN");

  @Inject EmbeddedServer server;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  @BeforeAll
  void provision() {
    api = bed.start(server.getURL(), "/notification-settings");
  }

  private String settings() {
    return "/councils/" + council + "/notification-settings";
  }

  private static String body(boolean reminders, String senderName, String replyTo) {
    return ("{\"remindersEnabled\":%s,\"overdueEnabled\":true,\"repeatsEnabled\":true,"
            + "\"escalationsEnabled\":true,\"reminderDaysBefore\":10,\"repeatEveryDays\":7,"
            + "\"escalateAfterDays\":21,\"senderName\":%s,\"replyTo\":%s}")
        .formatted(
            reminders,
            senderName == null ? "null" : "\"" + senderName + "\"",
            replyTo == null ? "null" : "\"" + replyTo + "\"");
  }

  @Test
  @Order(1)
  void theDefaultsAreShownUntilChanged() {
    ApiResponse response = api.get(settings(), tokens.councilUser(council, "PROGRAMME_MANAGER"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("remindersEnabled").asBoolean()).isTrue();
    assertThat(response.json().get("reminderDaysBefore").asInt()).isEqualTo(7);
    assertThat(response.json().get("repeatEveryDays").asInt()).isEqualTo(7);
    assertThat(response.json().get("escalateAfterDays").asInt()).isEqualTo(14);
  }

  @Test
  @Order(2)
  void badSettingsAreRefusedNamingEachField() {
    ApiResponse response =
        api.put(
            settings(),
            admin,
            """
            {"remindersEnabled":true,"overdueEnabled":true,"repeatsEnabled":true,\
            "escalationsEnabled":true,"reminderDaysBefore":0,"repeatEveryDays":7,\
            "escalateAfterDays":999,"senderName":"Line\\nBcc: x","replyTo":"not an address"}""");
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().path("errors").findValuesAsText("field"))
        .as(response.body())
        .contains("reminderDaysBefore", "escalateAfterDays", "senderName", "replyTo");

    ApiResponse missing = api.put(settings(), admin, "{\"remindersEnabled\":true}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("errors").findValuesAsText("field"))
        .as(missing.body())
        .contains("overdueEnabled", "reminderDaysBefore");

    ApiResponse notJson = api.put(settings(), admin, "{\"remindersEnabled\":");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.isProblem()).isTrue();
  }

  @Test
  @Order(3)
  void onlyTheCouncilAdminChangesThem() {
    String valid = body(true, null, null);
    assertThat(
            api.put(settings(), tokens.councilUser(council, "PROGRAMME_MANAGER"), valid).status())
        .isEqualTo(403);
    assertThat(api.put(settings(), tokens.observer("*"), valid).status()).isEqualTo(403);
    assertThat(api.get(settings(), tokens.councilUser(council, "BOARD_MEMBER")).status())
        .isEqualTo(403);
  }

  @Test
  @Order(4)
  void remindersSwitchedOffAreNotSentAndEmailsCarryTheSenderName() {
    ApiResponse saved =
        api.put(
            settings(), admin, body(false, "Rotherham Improvement Team", "team@rotherham.example"));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("remindersEnabled").asBoolean()).isFalse();
    assertThat(saved.json().get("senderName").asText()).isEqualTo("Rotherham Improvement Team");
    assertThat(api.get(settings(), admin).json().get("reminderDaysBefore").asInt()).isEqualTo(10);

    Person remindable = new Person("Rae Lead", OverdueEvents.uniqueAddress("rae"));
    Action.of(council, "1.1.1", TODAY.plusDays(3), null, remindable).created();
    Person overdue = new Person("Oli Lead", OverdueEvents.uniqueAddress("oli"));
    Action.of(council, "1.1.2", LocalDate.of(2030, 4, 5), null, overdue).created();

    ReceivedMail chased = Mailboxes.shared().await(overdue.email(), 1).get(0);
    assertThat(chased.subject()).startsWith("Overdue: action 1.1.2");
    assertThat(chased.from()).contains("Rotherham Improvement Team");
    assertThat(Mailboxes.shared().read(remindable.email())).isEmpty();
  }

  @Test
  @Order(5)
  void bankHolidaysAreReadByAnyoneAndReplacedByThePlatformAdminOnly() {
    ApiResponse seeded = api.get("/bank-holidays/2027", admin);
    assertThat(seeded.status()).isEqualTo(200);
    assertThat(seeded.json().findValuesAsText("date"))
        .contains("2027-03-26", "2027-03-29", "2027-12-27", "2027-12-28")
        .hasSize(8);

    String year2030 =
        """
        [{"date":"2030-01-01","name":"New Year's Day"},{"date":"2030-04-19","name":"Good Friday"}]""";
    assertThat(api.put("/bank-holidays/2030", admin, year2030).status()).isEqualTo(403);
    assertThat(api.put("/bank-holidays/2030", tokens.observer("*"), year2030).status())
        .isEqualTo(403);

    ApiResponse wrongYear =
        api.put(
            "/bank-holidays/2030",
            tokens.platformAdmin(),
            "[{\"date\":\"2031-01-01\",\"name\":\"New Year's Day\"}]");
    assertThat(wrongYear.status()).isEqualTo(400);
    assertThat(wrongYear.json().path("errors").findValuesAsText("field")).contains("[0].date");

    ApiResponse replaced = api.put("/bank-holidays/2030", tokens.platformAdmin(), year2030);
    assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
    assertThat(api.get("/bank-holidays/2030", admin).json().findValuesAsText("date"))
        .containsExactly("2030-01-01", "2030-04-19");
  }
}
