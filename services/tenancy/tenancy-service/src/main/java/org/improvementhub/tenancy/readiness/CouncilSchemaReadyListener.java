package org.improvementhub.tenancy.readiness;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.inbox.InboxReceiver;
import org.improvementhub.tenancy.events.CouncilSchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to every service's {@code <service>.council-schema.v1} topic by pattern. A service's
 * topic appears only when it first answers, so the consumer refreshes its metadata every few
 * seconds to subscribe to new topics quickly; it reads new topics from the beginning.
 */
@KafkaListener(
    groupId = "tenancy-readiness",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"),
    properties = @Property(name = ConsumerConfig.METADATA_MAX_AGE_CONFIG, value = "2000"))
@Requires(property = "hub.provisioning.listen", notEquals = "false")
public class CouncilSchemaReadyListener {

  private static final Logger LOG = LoggerFactory.getLogger(CouncilSchemaReadyListener.class);
  static final String CONSUMER = "council-readiness";

  private final EventCodec codec;
  private final InboxReceiver receiver;
  private final CouncilReadiness readiness;

  public CouncilSchemaReadyListener(
      EventCodec codec, InboxReceiver receiver, CouncilReadiness readiness) {
    this.codec = codec;
    this.receiver = receiver;
    this.readiness = readiness;
  }

  @Topic(patterns = CouncilSchemaReady.TOPIC_PATTERN)
  void receive(String message) {
    receiver.receive(CONSUMER, message, this::effectOf);
  }

  private Runnable effectOf(EventEnvelope envelope) {
    if (!CouncilSchemaReady.TYPE.equals(envelope.type())) {
      return null;
    }
    CouncilSchemaReady answer = codec.dataOf(envelope, CouncilSchemaReady.class);
    if (!Objects.equals(answer.slug(), envelope.council())) {
      LOG.warn(
          "Event {} answers for '{}' but names council '{}'; ignored",
          envelope.eventId(),
          answer.slug(),
          envelope.council());
      return null;
    }
    return () -> readiness.record(answer);
  }
}
