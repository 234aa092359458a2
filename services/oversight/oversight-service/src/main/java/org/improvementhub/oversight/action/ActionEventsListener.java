package org.improvementhub.oversight.action;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.plans.events.ActionCreated;

/** Feeds every council's action events into the read model as they happen. */
@KafkaListener(
    groupId = "oversight-actions",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class ActionEventsListener {

  private final EventCodec codec;
  private final ActionProjection projection;

  public ActionEventsListener(EventCodec codec, ActionProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @Topic(ActionCreated.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    projection.apply(
        codec.read(record.value()), new SourcePosition(record.partition(), record.offset()));
  }
}
