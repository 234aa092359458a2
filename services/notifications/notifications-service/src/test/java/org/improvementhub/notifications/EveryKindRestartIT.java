package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.improvementhub.notifications.EveryKindOfEmail.Expected;
import org.improvementhub.notifications.schedule.ScheduleScan;
import org.improvementhub.testsupport.CouncilTestBed;
import org.improvementhub.testsupport.clock.MovableClock;
import org.improvementhub.testsupport.http.HubApi;
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
  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.movable-clock-ticks", "true")
          .with("hub.notifications.schedule.initial-delay", "1h")
          .with("hub.notifications.schedule.interval", "1h")
          .with("hub.notifications.dispatch.interval", "300ms")
          .with("hub.notifications.dispatch.batch-per-council", "3");

  private final String council = bed.council("dudley", "Dudley Council", 332);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();
  private final StoppableService service = new StoppableService(bed);

  private HubApi start(String clockAt) {
    return service.start(Map.of("hub.test.movable-clock", clockAt));
  }

  @AfterEach
  void stopWhatIsRunning() {
    service.close();
  }

  @Test
  void stoppedWhileSendingEveryKindAndRestartedEachEmailArrivesOnce() {
    // A week before the Monday, 10 a.m. UK time.
    HubApi first = start("2030-06-03T09:00:00Z");
    DeliveryLog firstLog = new DeliveryLog(first, council, admin);
    MovableClock clock = service.bean(MovableClock.class);

    List<EveryKindOfEmail> sets = new ArrayList<>();
    for (int set = 1; set <= SETS; set++) {
      EveryKindOfEmail day = new EveryKindOfEmail(council, MONDAY, set, "restart" + set);
      sets.add(day);
      String digest =
          "/councils/" + council + "/notification-preferences/" + day.digestReader().email();
      assertThat(first.put(digest, admin, "{\"mode\":\"DIGEST\"}").status()).isEqualTo(200);
      day.weekBefore();
    }
    firstLog.awaitSent(SETS);

    // Early on the Monday the events are only recorded; the 10 a.m. scan queues every kind (and
    // an event not applied by then queues its own emails when it is).
    clock.moveTo(MONDAY, LocalTime.of(5, 0));
    sets.forEach(EveryKindOfEmail::onTheDay);
    int total = SETS + SETS * 5;
    clock.moveTo(MONDAY);
    service.bean(ScheduleScan.class).scanAll();
    long sentAtStop =
        DeliveryLog.countSent(firstLog.awaitLog(log -> DeliveryLog.countSent(log) > SETS));
    service.stop();
    assertThat(sentAtStop).as("stopped in the middle of the batch").isLessThan(total);

    DeliveryLog second = new DeliveryLog(start("2030-06-10T09:00:00Z"), council, admin);
    sets.forEach(EveryKindOfEmail::onTheDay);
    service.bean(ScheduleScan.class).scanAll();

    JsonNode log = second.awaitSent(total);
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
    assertThat(service.bean(ScheduleScan.class).scanAll()).isZero();
    for (EveryKindOfEmail day : sets) {
      for (Expected email : day.onTheDaysEmails()) {
        assertThat(mail.read(email.recipient().email()))
            .as("mail of %s", email.kind())
            .hasSize(day.mailOf(email));
      }
    }
  }
}
