package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.improvementhub.notifications.EveryKindOfEmail.Expected;
import org.improvementhub.notifications.schedule.ScheduleScan;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.tokens.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service stopped while it is sending a Monday's emails of every kind (reminders, overdue,
 * repeats, escalations, digests), and restarted; the Monday's events delivered again and the scan
 * run again after the restart: each email arrives exactly once, none lost, none twice.
 */
class EveryKindRestartIT {

  private static final int SETS = 8;
  private static final LocalDate MONDAY = LocalDate.of(2030, 6, 10);

  /** Sent slowly (3 emails every 300 ms), so that the stop falls in the middle of the batch. */
  private final HubTestProperties properties =
      HubTestProperties.freshDatabase()
          .with("hub.test.movable-clock-ticks", "true")
          .with("hub.notifications.schedule.initial-delay", "1h")
          .with("hub.notifications.schedule.interval", "1h")
          .with("hub.notifications.dispatch.interval", "300ms")
          .with("hub.notifications.dispatch.batch-per-council", "3");

  private final String council = TestCouncils.uniqueSlug("dudley");
  private final String admin = TestTokens.shared().councilUser(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();
  private EmbeddedServer running;

  private EmbeddedServer start(String clockAt) {
    Map<String, Object> settings = new HashMap<>(properties.build());
    settings.put("hub.test.movable-clock", clockAt);
    running = ApplicationContext.run(EmbeddedServer.class, settings);
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
  void stoppedWhileSendingEveryKindAndRestartedEachEmailArrivesOnce() {
    // A week before the Monday, 10 a.m. UK time.
    HubApi first = new HubApi(start("2030-06-03T09:00:00Z").getURL().toString());
    TestCouncils.provision(properties.database(), council, "Dudley Council", 332);
    first.awaitGet(log(), admin, r -> r.status() == 200, Duration.ofSeconds(30));
    MovableClock clock = running.getApplicationContext().getBean(MovableClock.class);

    List<EveryKindOfEmail> sets = new ArrayList<>();
    for (int set = 1; set <= SETS; set++) {
      EveryKindOfEmail day = new EveryKindOfEmail(council, MONDAY, set, "restart" + set);
      sets.add(day);
      String digest =
          "/councils/" + council + "/notification-preferences/" + day.digestReader().email();
      assertThat(first.put(digest, admin, "{\"mode\":\"DIGEST\"}").status()).isEqualTo(200);
      day.weekBefore();
    }
    first.awaitGet(log(), admin, r -> countSent(r.json()) == SETS, Duration.ofSeconds(60));

    // Early on the Monday the events are only recorded; the 10 a.m. scan queues every kind (and
    // an event not applied by then queues its own emails when it is).
    clock.moveTo(MONDAY, LocalTime.of(5, 0));
    sets.forEach(EveryKindOfEmail::onTheDay);
    int total = SETS + SETS * 5;
    clock.moveTo(MONDAY);
    running.getApplicationContext().getBean(ScheduleScan.class).scanAll();
    long sentAtStop =
        countSent(
            first
                .awaitGet(log(), admin, r -> countSent(r.json()) > SETS, Duration.ofSeconds(60))
                .json());
    stop();
    assertThat(sentAtStop).as("stopped in the middle of the batch").isLessThan(total);

    HubApi second = new HubApi(start("2030-06-10T09:00:00Z").getURL().toString());
    second.awaitGet(log(), admin, r -> r.status() == 200, Duration.ofSeconds(30));
    sets.forEach(EveryKindOfEmail::onTheDay);
    running.getApplicationContext().getBean(ScheduleScan.class).scanAll();

    JsonNode log =
        second
            .awaitGet(log(), admin, r -> countSent(r.json()) == total, Duration.ofSeconds(90))
            .json();
    assertThat(log).hasSize(total);
    for (EveryKindOfEmail day : sets) {
      for (Expected email : day.onTheDaysEmails()) {
        assertThat(mail.await(email.recipient().email(), day.mailOf(email)))
            .as("mail of %s", email.kind())
            .hasSize(day.mailOf(email))
            .anyMatch(m -> m.subject().equals(email.subject()));
      }
    }
    // Once every email is in, a last check that no one got one twice.
    assertThat(running.getApplicationContext().getBean(ScheduleScan.class).scanAll()).isZero();
    for (EveryKindOfEmail day : sets) {
      for (Expected email : day.onTheDaysEmails()) {
        assertThat(mail.read(email.recipient().email()))
            .as("mail of %s", email.kind())
            .hasSize(day.mailOf(email));
      }
    }
  }

  private static long countSent(JsonNode log) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(d -> d.get("status").asText().equals("SENT"))
        .count();
  }
}
