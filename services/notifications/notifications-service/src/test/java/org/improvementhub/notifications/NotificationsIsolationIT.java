package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two councils with identical overdue actions (same action id, ref, title and lead): each council's
 * email names that council, each council's token reads only its own delivery log, another council's
 * log answers 404, and observers and board members may not read a log at all.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIsolationIT implements TestPropertyProvider {

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("hub.notifications.dispatch.interval", "200ms");
  private final String walsall = bed.council("walsall", "Walsall Council", 335);
  private final String peterborough = bed.council("peterborough", "Peterborough City Council", 874);
  private final String lead = OverdueEvents.uniqueAddress("shared-lead");
  private final TestTokens tokens = TestTokens.shared();

  @Inject EmbeddedServer server;
  private HubApi api;
  private JsonNode walsallLog;
  private JsonNode peterboroughLog;

  @Override
  public Map<String, String> getProperties() {
    return bed.properties();
  }

  private static String log(String council) {
    return "/councils/" + council + "/email-deliveries";
  }

  private String admin(String council) {
    return tokens.councilUser(council, "COUNCIL_ADMIN");
  }

  @BeforeAll
  void twoCouncilsWithTheSameOverdueAction() {
    api = bed.start(server.getURL(), "/email-deliveries");
    UUID actionId = UUID.randomUUID();
    LocalDate due = LocalDate.of(2030, 4, 5);
    for (String council : List.of(walsall, peterborough)) {
      Overdue same = Overdue.of(council, "1.1.1", lead, due);
      new Overdue(council, actionId, same.ref(), same.title(), "Sam Lead", lead, due, "RED")
          .publish();
    }
    walsallLog = awaitOneSent(walsall);
    peterboroughLog = awaitOneSent(peterborough);
  }

  private JsonNode awaitOneSent(String council) {
    return api.awaitGet(
            log(council),
            admin(council),
            r ->
                r.status() == 200
                    && r.json().size() == 1
                    && r.json().get(0).get("status").asText().equals("SENT"),
            Duration.ofSeconds(30))
        .json();
  }

  @Test
  void eachCouncilsEmailNamesThatCouncil() {
    List<ReceivedMail> mails = Mailboxes.shared().await(lead, 2);
    assertThat(mails).hasSize(2);
    assertThat(mails)
        .filteredOn(m -> m.body().contains("Walsall Council"))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).doesNotContain("Peterborough"));
    assertThat(mails)
        .filteredOn(m -> m.body().contains("Peterborough City Council"))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).doesNotContain("Walsall"));
    assertThat(mails.get(0).messageId()).isNotEqualTo(mails.get(1).messageId());
  }

  @Test
  void eachTokenSeesOnlyItsOwnCouncilsLog() {
    String walsallId = walsallLog.get(0).get("id").asText();
    String peterboroughId = peterboroughLog.get(0).get("id").asText();
    assertThat(walsallId).isNotEqualTo(peterboroughId);

    ApiResponse own = api.get(log(walsall), tokens.councilUser(walsall, "PROGRAMME_MANAGER"));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().findValuesAsText("id")).containsExactly(walsallId);
    assertThat(own.body()).doesNotContain(peterboroughId);

    ApiResponse other = api.get(log(peterborough), admin(walsall));
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.isProblem()).isTrue();
    assertThat(other.body()).doesNotContain(peterboroughId).doesNotContain(lead);
  }

  @Test
  void platformAdminsReadEveryCouncilsLog() {
    ApiResponse response = api.get(log(peterborough), tokens.platformAdmin());
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().findValuesAsText("id"))
        .containsExactly(peterboroughLog.get(0).get("id").asText());
  }

  @Test
  void observersAndBoardMembersMayNotReadTheLog() {
    ApiResponse observer = api.get(log(walsall), tokens.observer("*"));
    assertThat(observer.status()).isEqualTo(403);
    assertThat(observer.isProblem()).isTrue();
    assertThat(observer.body()).doesNotContain(lead);

    ApiResponse board = api.get(log(walsall), tokens.councilUser(walsall, "BOARD_MEMBER"));
    assertThat(board.status()).isEqualTo(403);
    assertThat(board.body()).doesNotContain(lead);
  }

  @Test
  void theLogCannotBeWritten() {
    ApiResponse write = api.post(log(walsall), admin(walsall), "{}");
    assertThat(write.status()).as(write.toString()).isEqualTo(405);
    assertThat(write.isProblem()).isTrue();
  }

  private static String settings(String council) {
    return "/councils/" + council + "/notification-settings";
  }

  private static final String WALSALL_SETTINGS =
      """
      {"remindersEnabled":true,"overdueEnabled":true,"repeatsEnabled":true,\
      "escalationsEnabled":true,"reminderDaysBefore":5,"repeatEveryDays":7,\
      "escalateAfterDays":14,"senderName":"Walsall Improvement Team","replyTo":null}""";

  @Test
  void eachCouncilChangesAndReadsOnlyItsOwnSettings() {
    ApiResponse own = api.put(settings(walsall), admin(walsall), WALSALL_SETTINGS);
    assertThat(own.status()).as(own.body()).isEqualTo(200);

    ApiResponse others = api.get(settings(peterborough), admin(peterborough));
    assertThat(others.status()).isEqualTo(200);
    assertThat(others.json().get("reminderDaysBefore").asInt()).isEqualTo(7);
    assertThat(others.body()).doesNotContain("Walsall");

    ApiResponse crossRead = api.get(settings(walsall), admin(peterborough));
    assertThat(crossRead.status()).isEqualTo(404);
    assertThat(crossRead.isProblem()).isTrue();
    assertThat(crossRead.body()).doesNotContain("Walsall Improvement Team");
    ApiResponse crossWrite = api.put(settings(peterborough), admin(walsall), WALSALL_SETTINGS);
    assertThat(crossWrite.status()).isEqualTo(404);
    assertThat(api.get(settings(peterborough), admin(peterborough)).body())
        .doesNotContain("Walsall");
  }

  @Test
  void observersAndBoardMembersMayNotChangeSettings() {
    ApiResponse observer = api.put(settings(walsall), tokens.observer("*"), WALSALL_SETTINGS);
    assertThat(observer.status()).isEqualTo(403);
    assertThat(observer.isProblem()).isTrue();
    ApiResponse board =
        api.put(settings(walsall), tokens.councilUser(walsall, "BOARD_MEMBER"), WALSALL_SETTINGS);
    assertThat(board.status()).isEqualTo(403);
    ApiResponse observerRead = api.get(settings(walsall), tokens.observer("*"));
    assertThat(observerRead.status()).isEqualTo(403);
  }

  @Test
  void eachCouncilSetsAndReadsOnlyItsOwnPeoplesPreferences() {
    String path = "/councils/%s/notification-preferences";
    ApiResponse own =
        api.put(path.formatted(walsall) + "/" + lead, admin(walsall), "{\"mode\":\"DIGEST\"}");
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(api.get(path.formatted(walsall), admin(walsall)).body()).contains(lead);
    assertThat(api.get(path.formatted(peterborough), admin(peterborough)).body())
        .doesNotContain(lead);

    ApiResponse crossRead = api.get(path.formatted(walsall), admin(peterborough));
    assertThat(crossRead.status()).isEqualTo(404);
    assertThat(crossRead.body()).doesNotContain(lead);
    ApiResponse crossWrite =
        api.put(path.formatted(peterborough) + "/" + lead, admin(walsall), "{\"mode\":\"DIGEST\"}");
    assertThat(crossWrite.status()).isEqualTo(404);
    ApiResponse observer =
        api.put(
            path.formatted(walsall) + "/" + lead, tokens.observer("*"), "{\"mode\":\"IMMEDIATE\"}");
    assertThat(observer.status()).isEqualTo(403);
  }

  @Test
  void eachCouncilUserReadsAndSetsOnlyTheirOwnPreferenceInTheirOwnCouncil() {
    String me = "/councils/%s/notification-preferences/me";
    String leadToken = tokens.councilUser(walsall, "ACTION_LEAD");
    String address = "user@" + walsall + ".example";

    ApiResponse before = api.get(me.formatted(walsall), leadToken);
    assertThat(before.status()).as(before.body()).isEqualTo(200);
    assertThat(before.json().get("email").asText()).isEqualTo(address);
    assertThat(before.json().get("mode").asText()).isEqualTo("IMMEDIATE");
    assertThat(before.json().get("escalationsAlwaysSent").asBoolean()).isTrue();
    assertThat(before.json().get("escalations").asText()).contains("cannot be switched off");

    ApiResponse chosen = api.put(me.formatted(walsall), leadToken, "{\"mode\":\"DIGEST\"}");
    assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
    assertThat(chosen.json().get("mode").asText()).isEqualTo("DIGEST");
    assertThat(chosen.json().get("escalationsAlwaysSent").asBoolean()).isTrue();
    assertThat(api.get(me.formatted(walsall), leadToken).json().get("mode").asText())
        .isEqualTo("DIGEST");
    // The same choice the council's admins see, and that the schedule reads.
    assertThat(api.get("/councils/" + walsall + "/notification-preferences", admin(walsall)).body())
        .contains(address)
        .contains("DIGEST");
    assertThat(
            api.get("/councils/" + peterborough + "/notification-preferences", admin(peterborough))
                .body())
        .doesNotContain(address);

    ApiResponse bad = api.put(me.formatted(walsall), leadToken, "{\"mode\":\"NEVER\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.isProblem()).isTrue();
    assertThat(api.get(me.formatted(walsall), leadToken).json().get("mode").asText())
        .isEqualTo("DIGEST");

    ApiResponse crossRead = api.get(me.formatted(peterborough), leadToken);
    assertThat(crossRead.status()).isEqualTo(404);
    assertThat(crossRead.isProblem()).isTrue();
    ApiResponse crossWrite =
        api.put(me.formatted(peterborough), leadToken, "{\"mode\":\"DIGEST\"}");
    assertThat(crossWrite.status()).isEqualTo(404);

    ApiResponse observerRead = api.get(me.formatted(walsall), tokens.observer("*"));
    assertThat(observerRead.status()).isEqualTo(403);
    assertThat(observerRead.isProblem()).isTrue();
    ApiResponse observerWrite =
        api.put(me.formatted(walsall), tokens.observer("*"), "{\"mode\":\"DIGEST\"}");
    assertThat(observerWrite.status()).isEqualTo(403);
    assertThat(api.get(me.formatted(walsall), tokens.platformAdmin()).status()).isEqualTo(403);
    ApiResponse board =
        api.put(
            me.formatted(walsall),
            tokens.councilUser(walsall, "BOARD_MEMBER"),
            "{\"mode\":\"DIGEST\"}");
    assertThat(board.status()).isEqualTo(403);
    assertThat(api.get(me.formatted(walsall), null).status()).isEqualTo(401);
  }

  @Test
  void bankHolidaysAreTheSameForEveryCouncilAndOnlyThePlatformAdminChangesThem() {
    assertThat(api.get("/bank-holidays", admin(walsall)).body())
        .isEqualTo(api.get("/bank-holidays", admin(peterborough)).body());
    ApiResponse councilAdmin = api.put("/bank-holidays/2031", admin(walsall), "[]");
    assertThat(councilAdmin.status()).isEqualTo(403);
    assertThat(councilAdmin.isProblem()).isTrue();
  }

  @Test
  void anUnknownCouncilIs404() {
    ApiResponse response =
        api.get(log("nowhere-at-all"), tokens.councilUser("nowhere-at-all", "COUNCIL_ADMIN"));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.isProblem()).isTrue();
  }
}
