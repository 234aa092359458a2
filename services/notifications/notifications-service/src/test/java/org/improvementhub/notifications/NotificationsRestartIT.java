package org.improvementhub.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.improvementhub.notifications.OverdueEvents.Overdue;
import org.improvementhub.testsupport.CouncilTestBed;
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

  private final CouncilTestBed bed =
      CouncilTestBed.freshDatabase()
          .with("hub.test.clock-offset", FixedClockFactory.offsetTo("2030-04-10T09:00:00Z"))
          .with("hub.notifications.dispatch.interval", "100ms");
  private final String council = bed.council("west-sussex", "West Sussex County Council", 938);
  private final String admin = bed.token(council, "COUNCIL_ADMIN");
  private final Mailboxes mail = Mailboxes.shared();
  private final StoppableService service = new StoppableService(bed);

  @AfterEach
  void stopWhatIsRunning() {
    service.close();
  }

  @Test
  void stoppedMidStreamAndRestartedEveryEventGivesExactlyOneEmail() {
    DeliveryLog first = new DeliveryLog(service.start(Map.of()), council, admin);

    List<Overdue> before = overdueActions("before");
    Map<Overdue, UUID> eventIds = new HashMap<>();
    for (Overdue overdue : before) {
      UUID eventId = UUID.randomUUID();
      eventIds.put(overdue, eventId);
      overdue.publish(eventId);
    }
    // Stop as soon as the first email has gone: the rest are queued, or not even consumed yet.
    first.awaitLog(log -> DeliveryLog.countSent(log) >= 1);
    service.stop();

    List<Overdue> whileAway = overdueActions("away");
    whileAway.forEach(Overdue::publish);

    DeliveryLog second = new DeliveryLog(service.start(Map.of()), council, admin);
    // After the restart: the first batch again, as redeliveries and as new events.
    before.forEach(overdue -> overdue.publish(eventIds.get(overdue)));
    before.forEach(Overdue::publish);

    List<Overdue> all = new ArrayList<>(before);
    all.addAll(whileAway);
    JsonNode log = second.awaitSent(all.size());
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
}
