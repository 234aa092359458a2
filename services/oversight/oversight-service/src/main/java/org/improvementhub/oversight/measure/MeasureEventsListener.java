package org.improvementhub.oversight.measure;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.oversight.action.SourcePosition;

/** Feeds every council's measure values and statuses into the read model as they happen. */
@KafkaListener(
    groupId = "oversight-measures",
    offsetReset = OffsetReset.EARLIEST,
    offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
    errorStrategy =
        @ErrorStrategy(
            value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR,
            retryCount = 10,
            retryDelay = "500ms"))
public class MeasureEventsListener {

  private final EventCodec codec;
  private final MeasureProjection projection;

  public MeasureEventsListener(EventCodec codec, MeasureProjection projection) {
    this.codec = codec;
    this.projection = projection;
  }

  @Topic(MeasureValueRecorded.TOPIC)
  void receive(ConsumerRecord<String, String> record) {
    projection.apply(
        codec.read(record.value()), new SourcePosition(record.partition(), record.offset()));
  }
}
