package org.improvementhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox backlog gauges read the outbox table: events waiting, and how long the oldest has. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxBacklogIT implements TestPropertyProvider {

  private final CouncilSlug council = CouncilSlug.of(TestCouncils.uniqueSlug("walsall"));

  @Inject Outbox outbox;
  @Inject MeterRegistry registry;
  @Inject TransactionOperations<Connection> transactions;

  @Override
  public Map<String, String> getProperties() {
    // no relay: the backlog stays until the test marks it published
    return HubTestProperties.freshDatabase()
        .with("hub.outbox.relay.enabled", "false")
        .with("hub.outbox.backlog.reading-lifetime", "0s")
        .build();
  }

  /** A test event's data. */
  @io.micronaut.serde.annotation.Serdeable
  record ThingHappened(String what) {}

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void theBacklogAndItsAgeReadTheUnpublishedEvents() {
    transactions.executeWrite(
        status -> {
          outbox.append(
              "messaging-test.backlog.v1",
              council,
              "ThingHappened",
              1,
              "1",
              new ThingHappened("one"));
          return outbox.append(
              "messaging-test.backlog.v1",
              council,
              "ThingHappened",
              1,
              "2",
              new ThingHappened("two"));
        });

    assertThat(gauge("hub.outbox.unsent")).isEqualTo(2);
    assertThat(gauge("hub.outbox.oldest.unsent.age")).isGreaterThan(0);

    transactions.executeWrite(
        status ->
            status
                .getConnection()
                .createStatement()
                .executeUpdate("UPDATE messaging_test.outbox_event SET published_at = now()"));
    assertThat(gauge("hub.outbox.unsent")).isZero();
    assertThat(gauge("hub.outbox.oldest.unsent.age")).isZero();
  }
}
