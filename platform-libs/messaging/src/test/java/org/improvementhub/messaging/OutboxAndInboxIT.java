package org.improvementhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.envelope.MalformedEventException;
import org.improvementhub.messaging.inbox.Inbox;
import org.improvementhub.messaging.inbox.InboxReceiver;
import org.improvementhub.messaging.outbox.Outbox;
import org.improvementhub.messaging.outbox.OutboxRelay;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.TestCouncils;
import org.improvementhub.testsupport.kafka.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The outbox publishes only committed events; the inbox applies each event once. */
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxAndInboxIT implements TestPropertyProvider {

  private static final String TOPIC = "messaging-test.thing.v1";
  private final CouncilSlug council = CouncilSlug.of(TestCouncils.uniqueSlug("walsall"));

  @Inject Outbox outbox;
  @Inject OutboxRelay relay;
  @Inject Inbox inbox;
  @Inject EventCodec codec;
  @Inject InboxReceiver receiver;
  @Inject TransactionOperations<Connection> transactions;

  @Override
  public Map<String, String> getProperties() {
    return HubTestProperties.freshDatabase().with("hub.outbox.poll-interval", "1h").build();
  }

  /** A test event's data. */
  @io.micronaut.serde.annotation.Serdeable
  record ThingHappened(String what) {}

  @Test
  void writingAnEventOutsideATransactionIsRefused() {
    assertThatThrownBy(
            () -> outbox.append(TOPIC, council, "ThingHappened", 1, "1", new ThingHappened("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("transaction");
  }

  @Test
  void onlyCommittedEventsArePublishedAndEachOnce() {
    String committed = "committed-" + UUID.randomUUID();
    String rolledBack = "rolled-back-" + UUID.randomUUID();
    transactions.executeWrite(
        status ->
            outbox.append(TOPIC, council, "ThingHappened", 1, "1", new ThingHappened(committed)));
    assertThatThrownBy(
            () ->
                transactions.executeWrite(
                    status -> {
                      outbox.append(
                          TOPIC, council, "ThingHappened", 1, "2", new ThingHappened(rolledBack));
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessageContaining("the change failed");

    assertThat(relay.relayBatch()).isEqualTo(1);
    assertThat(relay.relayBatch()).isZero();

    List<String> published = TestKafka.shared().read(TOPIC, council.value(), Duration.ofSeconds(3));
    assertThat(published).filteredOn(m -> m.contains(committed)).hasSize(1);
    assertThat(published).noneMatch(m -> m.contains(rolledBack));
    EventEnvelope envelope =
        codec.read(published.stream().filter(m -> m.contains(committed)).findFirst().orElseThrow());
    assertThat(envelope.council()).isEqualTo(council.value());
    assertThat(envelope.type()).isEqualTo("ThingHappened");
    assertThat(codec.dataOf(envelope, ThingHappened.class).what()).isEqualTo(committed);
  }

  @Test
  void anEventIsAppliedOncePerConsumerBoundToItsCouncil() {
    EventEnvelope event =
        codec.read(
            TestCouncils.envelope("ThingHappened", council.value(), "7", "{\"what\":\"x\"}"));
    AtomicInteger applied = new AtomicInteger();
    AtomicReference<CouncilSlug> boundTo = new AtomicReference<>();
    Runnable effect =
        () -> {
          applied.incrementAndGet();
          boundTo.set(CouncilContext.current().orElse(null));
        };

    assertThat(inbox.applyOnce("first-consumer", event, effect)).isEqualTo(Inbox.Outcome.APPLIED);
    assertThat(inbox.applyOnce("first-consumer", event, effect))
        .isEqualTo(Inbox.Outcome.ALREADY_APPLIED);
    assertThat(inbox.applyOnce("second-consumer", event, effect)).isEqualTo(Inbox.Outcome.APPLIED);
    assertThat(applied).hasValue(2);
    assertThat(boundTo).hasValue(council);
    assertThat(CouncilContext.current()).as("the binding ends with the unit of work").isEmpty();
  }

  @Test
  void aFailedEffectIsNotRecordedSoTheRetryApplies() {
    EventEnvelope event =
        codec.read(
            TestCouncils.envelope("ThingHappened", council.value(), "8", "{\"what\":\"y\"}"));
    assertThatThrownBy(
            () ->
                inbox.applyOnce(
                    "retrying-consumer",
                    event,
                    () -> {
                      throw new IllegalStateException("SMTP down");
                    }))
        .hasMessageContaining("SMTP down");
    AtomicInteger applied = new AtomicInteger();
    assertThat(inbox.applyOnce("retrying-consumer", event, applied::incrementAndGet))
        .isEqualTo(Inbox.Outcome.APPLIED);
    assertThat(applied).hasValue(1);
  }

  @Test
  void aReceivedMessageIsAppliedOnceAndAnUnreadableOneIsSkippedWithoutRetry() {
    String message =
        TestCouncils.envelope("ThingHappened", council.value(), "9", "{\"what\":\"z\"}");
    AtomicInteger applied = new AtomicInteger();

    assertThat(receiver.receive("receiving-consumer", message, e -> applied::incrementAndGet))
        .contains(Inbox.Outcome.APPLIED);
    assertThat(receiver.receive("receiving-consumer", message, e -> applied::incrementAndGet))
        .contains(Inbox.Outcome.ALREADY_APPLIED);
    assertThat(receiver.receive("receiving-consumer", message, e -> null))
        .as("a type the consumer ignores")
        .isEmpty();
    assertThat(receiver.receive("receiving-consumer", "{not json", e -> applied::incrementAndGet))
        .as("unreadable")
        .isEmpty();
    assertThat(
            receiver.receive(
                "receiving-consumer",
                TestCouncils.envelope("ThingHappened", council.value(), "10", "{}"),
                e -> {
                  throw new MalformedEventException("lacks the thing", null);
                }))
        .as("names a record it does not carry")
        .isEmpty();
    assertThat(applied).hasValue(1);
  }
}
