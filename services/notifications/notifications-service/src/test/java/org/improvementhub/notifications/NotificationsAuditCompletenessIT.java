package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.audit.AuditCompleteness;
import org.improvementhub.testsupport.audit.AuditCompletenessResult;
import org.improvementhub.testsupport.audit.AuditTrailPage;
import org.improvementhub.testsupport.audit.AuditedWrite;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every write route of notifications, taken from its router, performed once: each must leave an
 * entry saying who (the token's subject), when, which record and what it was before or after, in
 * the council's trail, or for the bank holidays in the platform trail. A route without an example
 * fails ("no example for …").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsAuditCompletenessIT implements TestPropertyProvider {

  private static final String JSON = "application/json";

  private final CouncilTestBed bed = CouncilTestBed.freshDatabase();
  private final String council = bed.council("walsall", "Walsall", 335);
  private final String other = bed.council("peterborough", "Peterborough", 874);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");
  private final String actor = "user@" + council + ".example";
  private final String platformAdmin = TestTokens.shared().platformAdmin();

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

  @Test
  void everyWriteRouteLeavesAnAuditEntryWithWhoWhenAndWhatChanged() {
    String c = "/councils/" + council;
    AuditTrailPage platformTrail = AuditTrailPage.at(api, "/audit", platformAdmin);

    AuditCompleteness examples =
        AuditCompleteness.of(server.getApplicationContext(), "Notifications")
            .example(
                "PUT /councils/{council}/notification-settings " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT,
                        c + "/notification-settings",
                        "{\"remindersEnabled\":false,\"overdueEnabled\":true,"
                            + "\"repeatsEnabled\":true,\"escalationsEnabled\":true,"
                            + "\"reminderDaysBefore\":10,\"repeatEveryDays\":7,"
                            + "\"escalateAfterDays\":21,\"senderName\":\"Walsall Improvement\","
                            + "\"replyTo\":null}"))
            .example(
                "PUT /councils/{council}/notification-preferences/{email} " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT,
                        c + "/notification-preferences/lee.lead@walsall.example",
                        "{\"mode\":\"DIGEST\"}"))
            .example(
                "PUT /councils/{council}/notification-preferences/me " + JSON,
                () ->
                    AuditedWrite.json(
                        HttpMethod.PUT,
                        c + "/notification-preferences/me",
                        "{\"mode\":\"DIGEST\"}"))
            .example(
                "PUT /bank-holidays/{year} " + JSON,
                () ->
                    AuditedWrite.json(
                            HttpMethod.PUT,
                            "/bank-holidays/2099",
                            "[{\"date\":\"2099-12-25\",\"name\":\"Christmas Day\"}]")
                        .by(platformAdmin, "admin@improvementhub.test")
                        .recordedIn(platformTrail));

    AuditCompletenessResult result =
        examples.run(api, admin, actor, AuditTrailPage.at(api, c + "/audit", admin));
    System.out.print(result.table());
    assertThat(result.rows()).hasSize(4);
    assertThat(result.unaudited()).as("writes that left no complete audit entry").isEmpty();

    // the settings' before is what the schedule went by: the defaults until the first change
    ApiResponse settings = api.get(c + "/audit?recordType=notification-settings", admin);
    assertThat(
            settings.json().get("items").get(0).get("before").get("remindersEnabled").asBoolean())
        .isTrue();
    assertThat(settings.json().get("items").get(0).get("after").get("remindersEnabled").asBoolean())
        .isFalse();
  }

  @Test
  void anotherCouncilCannotReadTheTrailNorCouncilPeopleThePlatformTrail() {
    assertThat(
            api.get("/councils/" + council + "/audit", bed.token(other, "COUNCIL_ADMIN")).status())
        .isEqualTo(404);
    assertThat(api.get("/audit", admin).status()).isEqualTo(403);
    ApiResponse badPage = api.get("/councils/" + council + "/audit?page=-1", admin);
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.body()).contains("page");
  }
}
