package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.notifications.delivery.EmailDispatcher;
import org.improvementhub.notifications.schedule.ScheduleScan;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No email is sent for a suspended council, and its schedule and digests do not run; what was
 * queued waits, and goes once tenancy announces the council reinstated.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilStatusIT implements TestPropertyProvider {

  private static final LocalDate DUE = LocalDate.of(2030, 4, 5);

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = TestCouncils.uniqueSlug("walsall");
  private final String admin = TestTokens.shared().platformAdmin();
  private final Mailboxes mail = Mailboxes.shared();

  @Inject EmbeddedServer server;
  @Inject EmailDispatcher dispatcher;
  @Inject ScheduleScan schedule;
  private HubApi api;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @BeforeAll
  void provision() {
    api = new HubApi(server.getURL().toString());
    TestCouncils.provision(properties.database(), council, "Walsall Council", 335);
    api.awaitGet(
        "/councils/" + council + "/email-deliveries",
        admin,
        r -> r.status() == 200,
        Duration.ofSeconds(30));
  }

  private void announce(String status) {
    String data =
        ("{\"slug\":\"%s\",\"name\":\"Walsall\",\"previousStatus\":\"ACTIVE\","
                + "\"status\":\"%s\",\"reason\":\"test\"}")
            .formatted(council, status);
    TestKafka.shared()
        .publish(
            "tenancy.council.v1",
            council,
            TestCouncils.envelope("CouncilStatusChanged", council, council, data));
  }

  @Test
  void aSuspendedCouncilsEmailsWaitUntilItIsReinstated() {
    announce("SUSPENDED");
    String manager = TestTokens.shared().councilUser(council, "COUNCIL_ADMIN");
    api.awaitGet(
        "/councils/" + council + "/email-deliveries",
        manager,
        r -> r.status() == 423,
        Duration.ofSeconds(30));

    String lead = OverdueEvents.uniqueAddress("suspended");
    Overdue.of(council, "4.1", lead, DUE).publish();
    ApiResponse queued =
        api.awaitGet(
            "/councils/" + council + "/email-deliveries",
            admin,
            r -> r.body().contains(lead),
            Duration.ofSeconds(30));
    assertThat(queued.body()).contains("\"status\":\"QUEUED\"");

    assertThat(dispatcher.dispatchAll()).as("nothing is sent for it").isZero();
    assertThat(schedule.scanAll()).as("its schedule and digests do not run").isZero();
    assertThat(mail.read(lead)).isEmpty();
    assertThat(api.get("/councils/" + council + "/email-deliveries", admin).body())
        .doesNotContain("\"status\":\"SENT\"");

    announce("ACTIVE");
    assertThat(mail.await(lead, 1)).as("reinstated: the queued email goes").hasSize(1);
  }
}
