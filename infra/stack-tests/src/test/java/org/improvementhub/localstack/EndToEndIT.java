package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.mail.MailInbox;
import org.improvementhub.testsupport.mail.MailInbox.ReceivedMail;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system, each service its own process, on real PostgreSQL, Kafka and SMTP: two councils
 * provisioned through the API, an overdue action in each, one email per lead, isolation between
 * councils, an event delivered twice, and the notifications service stopped and restarted
 * mid-stream. It runs on the module's shared stack ({@link RunningStack}), with councils, leads and
 * an observer named for this run only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  private static final String PASSWORD = "E2E-User-Password-1";
  private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

  private final RunningStack stack = RunningStack.shared();
  private final MailInbox mail = new MailInbox(TestInfrastructure.shared().mail());
  private final String walsall = TestCouncils.uniqueSlug("walsall");
  private final String peterborough = TestCouncils.uniqueSlug("peterborough");
  private final String run = UUID.randomUUID().toString().substring(0, 6);
  private final HubApi tenancy = stack.api("tenancy");
  private final HubApi plans = stack.api("plans");
  private String walsallManager;
  private String peterboroughManager;
  private String peterboroughActionId;

  @Test
  @Order(1)
  void councilsProvisionedThroughTheApiBecomeActiveWithEveryServicesTables() throws Exception {
    String admin = stack.adminToken();
    for (String[] council :
        new String[][] {
          // LA codes of their own: the shared stack holds the demo councils' (335, 874)
          {walsall, "Walsall Council", "330"}, {peterborough, "Peterborough City Council", "873"}
        }) {
      ApiResponse created =
          tenancy.post(
              "/councils",
              admin,
              "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%s}"
                  .formatted(council[0], council[1], council[2]));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
    for (String council : List.of(walsall, peterborough)) {
      tenancy.awaitGet(
          "/councils/" + council,
          admin,
          r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
          Duration.ofSeconds(90));
      assertThat(historyTables(council))
          .contains(
              "flyway_history_plans", "flyway_history_measures", "flyway_history_notifications");
      ApiResponse user =
          tenancy.post(
              "/councils/" + council + "/users",
              admin,
              "{\"email\":\"pm-%s@e2e.test\",\"displayName\":\"PM\",\"password\":\"%s\",\"roles\":[\"PROGRAMME_MANAGER\"]}"
                  .formatted(council, PASSWORD));
      assertThat(user.status()).as(user.body()).isEqualTo(201);
    }
    walsallManager = DemoCouncils.login(tenancy, "pm-" + walsall + "@e2e.test", PASSWORD);
    peterboroughManager = DemoCouncils.login(tenancy, "pm-" + peterborough + "@e2e.test", PASSWORD);
  }

  @Test
  @Order(2)
  void eachLeadReceivesExactlyOneEmailForTheirOwnOverdueAction() {
    createOverdueAction(walsall, walsallManager, "1.1.1", lead(walsall, "a"));
    peterboroughActionId =
        createOverdueAction(peterborough, peterboroughManager, "1.1.1", lead(peterborough, "a"));
    scan(walsall, walsallManager);
    scan(peterborough, peterboroughManager);

    ReceivedMail walsallMail = awaitOnlyMail(lead(walsall, "a"));
    assertThat(walsallMail.subject() + walsallMail.body())
        .contains("1.1.1")
        .contains("Walsall Council");
    ReceivedMail peterboroughMail = awaitOnlyMail(lead(peterborough, "a"));
    assertThat(peterboroughMail.subject() + peterboroughMail.body())
        .contains("Peterborough City Council")
        .doesNotContain("Walsall");
  }

  @Test
  @Order(3)
  void aWalsallTokenAskingForAPeterboroughActionGets404() {
    ApiResponse direct =
        plans.get("/councils/" + peterborough + "/actions/" + peterboroughActionId, walsallManager);
    assertThat(direct.status()).isEqualTo(404);
    assertThat(direct.isProblem()).isTrue();
    ApiResponse viaOwnCouncil =
        plans.get("/councils/" + walsall + "/actions/" + peterboroughActionId, walsallManager);
    assertThat(viaOwnCouncil.status()).isEqualTo(404);
  }

  @Test
  @Order(4)
  void aDfeObserverSeesBothCouncilsSideBySideButCannotWrite() {
    String admin = stack.adminToken();
    ApiResponse observer =
        tenancy.post(
            "/users",
            admin,
            "{\"email\":\"observer-%s@e2e.test\",\"displayName\":\"Observer\",\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}"
                .formatted(run, PASSWORD));
    assertThat(observer.status()).as(observer.body()).isEqualTo(201);
    String token = DemoCouncils.login(tenancy, "observer-" + run + "@e2e.test", PASSWORD);
    HubApi oversight = stack.api("oversight");
    ApiResponse sideBySide =
        oversight.awaitGet(
            "/oversight/councils?sort=overdue",
            token,
            r ->
                // the shared stack holds other tests' councils too: count this run's two only
                r.status() == 200
                    && r.json()
                        .findValuesAsText("council")
                        .containsAll(List.of(walsall, peterborough))
                    && r.json().findParents("council").stream()
                            .filter(
                                c ->
                                    List.of(walsall, peterborough)
                                        .contains(c.path("council").asText()))
                            .filter(c -> c.path("overdue").asInt() >= 1)
                            .count()
                        >= 2,
            Duration.ofSeconds(30));
    assertThat(sideBySide.body()).contains("Walsall Council").contains("Peterborough City Council");
    ApiResponse write =
        plans.post(
            "/councils/" + walsall + "/actions",
            token,
            "{\"ref\":\"9.9\",\"title\":\"T\",\"lead\":{\"name\":\"L\",\"email\":\"l@e2e.test\"},\"dueDate\":\"2030-01-01\"}");
    assertThat(write.status()).isEqualTo(403);
    assertThat(oversight.get("/oversight/councils", walsallManager).status()).isEqualTo(403);
  }

  @Test
  @Order(5)
  void anEventDeliveredTwiceStillGivesOneEmail() {
    List<String> overdueEvents =
        stack.kafka().read("plans.action.v1", walsall, Duration.ofSeconds(3)).stream()
            .filter(event -> event.contains("\"ActionFellOverdue\""))
            .toList();
    assertThat(overdueEvents).hasSize(1);
    stack.kafka().publish("plans.action.v1", walsall, overdueEvents.get(0));
    stack.kafka().publish("plans.action.v1", walsall, overdueEvents.get(0));

    // A later event on the same council's partition is consumed after the duplicates.
    createOverdueAction(walsall, walsallManager, "1.1.2", lead(walsall, "b"));
    scan(walsall, walsallManager);
    awaitOnlyMail(lead(walsall, "b"));
    assertThat(mail.read(lead(walsall, "a"))).hasSize(1);
  }

  @Test
  @Order(6)
  void notificationsStoppedAndRestartedMidStreamLosesNoEmailAndSendsNoneTwice() {
    List<String> leads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String lead = lead(peterborough, "r" + i);
      leads.add(lead);
      createOverdueAction(peterborough, peterboroughManager, "2.1." + i, lead);
    }
    scan(peterborough, peterboroughManager);
    awaitMail(leads.get(0), mails -> !mails.isEmpty());
    stack.restart("notifications");

    for (String lead : leads) {
      awaitOnlyMail(lead);
    }
    // and the first lead, delivered before the stop, was not emailed again after the restart
    assertThat(mail.read(lead(peterborough, "a"))).hasSize(1);
  }

  private String lead(String council, String suffix) {
    return "lead-" + suffix + "-" + run + "@" + council + ".example";
  }

  private String createOverdueAction(String council, String token, String ref, String leadEmail) {
    ApiResponse created =
        plans.post(
            "/councils/" + council + "/actions",
            token,
            ("{\"ref\":\"%s\",\"title\":\"Audit of child protection plans %s\",\"lead\":{\"name\":\"Lead\",\"email\":\"%s\"},"
                    + "\"dueDate\":\"%s\",\"ragStatus\":\"AMBER\"}")
                .formatted(ref, ref, leadEmail, LocalDate.now().minusDays(5)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private void scan(String council, String token) {
    ApiResponse scan = plans.post("/councils/" + council + "/overdue-scans", token, "");
    assertThat(scan.status()).as(scan.body()).isEqualTo(200);
  }

  private ReceivedMail awaitOnlyMail(String address) {
    List<ReceivedMail> mails = awaitMail(address, received -> !received.isEmpty());
    assertThat(mails).as("mail to " + address).hasSize(1);
    return mails.get(0);
  }

  private List<ReceivedMail> awaitMail(String address, Predicate<List<ReceivedMail>> done) {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<ReceivedMail> received = mail.read(address);
      if (done.test(received)) {
        return received;
      }
      pause();
    }
    throw new AssertionError("No mail reached " + address + " within " + MAIL_WAIT);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> historyTables(String council) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                stack.database().jdbcUrl(), stack.database().user(), stack.database().password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " AND table_name LIKE 'flyway_history_%'")) {
      query.setString(1, "council_" + council.replace('-', '_'));
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      return tables;
    }
  }
}
