package org.improvementhub.oversight.council;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.tenancy.events.CouncilProvisioned;

/** Learns of councils from tenancy. */
@KafkaListener(
    groupId = "oversight-councils",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class CouncilEventsListener {

  private final EventCodec codec;
  private final CouncilProjection projection;

  public CouncilEventsListener(EventCodec codec, CouncilProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @Topic(CouncilProvisioned.TOPIC)
  void receive(String message) {
    projection.apply(codec.read(message));
  }
}
