package org.improvementhub.oversight.planitem;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.oversight.action.SourcePosition;
import org.improvementhub.plans.events.PlanItemSaved;

/** Feeds every council's plan items into the read model as they change. */
@KafkaListener(
    groupId = "oversight-plan-items",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class PlanItemEventsListener {

  private final EventCodec codec;
  private final PlanItemProjection projection;

  public PlanItemEventsListener(EventCodec codec, PlanItemProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @Topic(PlanItemSaved.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    projection.apply(
        codec.read(record.value()), new SourcePosition(record.partition(), record.offset()));
  }
}
