package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service stopped while it is sending, events published while it is away, the same events again
 * after it is back: every event still gives exactly one email, none twice.
 */
class NotificationsRestartIT {

  private static final int PER_BATCH = 25;

  /** "Today" is Wednesday 10 April 2030; the action was due the Friday before. */
  private static final LocalDate DUE = LocalDate.of(2030, 4, 5);

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = TestCouncils.uniqueSlug("west-sussex");
  private final String admin = TestTokens.shared().councilUser(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();
  private EmbeddedServer running;

  private EmbeddedServer start() {
    running = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties.build()));
    return running;
  }

  private void stop() {
    running.getApplicationContext().close();
    running = null;
  }

  @AfterEach
  void stopWhatIsRunning() {
    if (running != null) {
      stop();
    }
  }

  private String log() {
    return "/councils/" + council + "/email-deliveries?limit=1000";
  }

  @Test
  void stoppedMidStreamAndRestartedEveryEventGivesExactlyOneEmail() {
    HubApi first = new HubApi(start().getURL().toString());
    TestCouncils.provision(properties.database(), council, "West Sussex County Council", 938);
    first.awaitGet(log(), admin, r -> r.status() == 200, Duration.ofSeconds(30));

    List<Overdue> before = overdueActions("before");
    Map<Overdue, UUID> eventIds = new HashMap<>();
    for (Overdue overdue : before) {
      UUID eventId = UUID.randomUUID();
      eventIds.put(overdue, eventId);
      overdue.publish(eventId);
    }
    // Stop as soon as the first email has gone: the rest are queued, or not even consumed yet.
    first.awaitGet(log(), admin, r -> countSent(r.json()) >= 1, Duration.ofSeconds(30));
    stop();

    List<Overdue> whileAway = overdueActions("away");
    whileAway.forEach(Overdue::publish);

    HubApi second = new HubApi(start().getURL().toString());
    // After the restart: the first batch again, as redeliveries and as new events.
    before.forEach(overdue -> overdue.publish(eventIds.get(overdue)));
    before.forEach(Overdue::publish);

    List<Overdue> all = new ArrayList<>(before);
    all.addAll(whileAway);
    JsonNode log =
        second
            .awaitGet(log(), admin, r -> countSent(r.json()) == all.size(), Duration.ofSeconds(60))
            .json();
    assertThat(log).hasSize(all.size());
    for (Overdue overdue : all) {
      assertThat(mail.await(overdue.leadEmail(), 1))
          .as("mail of %s", overdue.leadEmail())
          .hasSize(1);
    }
  }

  private List<Overdue> overdueActions(String batch) {
    List<Overdue> actions = new ArrayList<>();
    for (int i = 1; i <= PER_BATCH; i++) {
      actions.add(
          Overdue.of(council, batch.length() + "." + i, OverdueEvents.uniqueAddress(batch), DUE));
    }
    return actions;
  }

  private static long countSent(JsonNode log) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(d -> d.get("status").asText().equals("SENT"))
        .count();
  }
}
