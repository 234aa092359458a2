package org.improvementhub.oversight.rebuild;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.action.ActionProjection;
import org.improvementhub.oversight.action.SourcePosition;
import org.improvementhub.oversight.council.CouncilProjection;
import org.improvementhub.plans.events.ActionCreated;
import org.improvementhub.tenancy.events.CouncilProvisioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties the read model and replays every council and action event up to now, in one transaction,
 * so observers see either the old answer or the rebuilt one, never half of it. The live listeners
 * carry on: an event they apply meanwhile waits on the rebuild's lock, and the source position
 * keeps the newer state.
 */
@Singleton
public class ReadModelRebuild {

  private static final Logger LOG = LoggerFactory.getLogger(ReadModelRebuild.class);

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;
  private final CouncilProjection councils;
  private final ActionProjection actions;
  private final String bootstrapServers;

  public ReadModelRebuild(
      TransactionOperations<Connection> transactions,
      EventCodec codec,
      CouncilProjection councils,
      ActionProjection actions,
      @Value("${kafka.bootstrap.servers}") String bootstrapServers) {
    this.transactions = transactions;
    this.codec = codec;
    this.councils = councils;
    this.actions = actions;
    this.bootstrapServers = bootstrapServers;
  }

  /** What a rebuild replayed. */
  @io.micronaut.serde.annotation.Serdeable
  public record RebuildResult(int councilEvents, int actionEvents) {}

  public RebuildResult rebuild() {
    List<ConsumerRecord<String, String>> councilEvents = readAll(CouncilProvisioned.TOPIC);
    List<ConsumerRecord<String, String>> actionEvents = readAll(ActionCreated.TOPIC);
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          try (Statement truncate = connection.createStatement()) {
            truncate.execute("TRUNCATE oversight.observed_action, oversight.observed_council");
          }
          for (ConsumerRecord<String, String> record : councilEvents) {
            councils.apply(connection, codec.read(record.value()));
          }
          int applied = 0;
          for (ConsumerRecord<String, String> record : actionEvents) {
            EventEnvelope event = codec.read(record.value());
            if (actions.apply(
                connection, event, new SourcePosition(record.partition(), record.offset()))) {
              applied++;
            }
          }
          LOG.info(
              "Read model rebuilt from {} council and {} action events",
              councilEvents.size(),
              applied);
          return new RebuildResult(councilEvents.size(), applied);
        });
  }

  /** Every record on {@code topic} up to its end when the call began, in partition order. */
  private List<ConsumerRecord<String, String>> readAll(String topic) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
      if (partitions == null || partitions.isEmpty()) {
        return List.of();
      }
      List<TopicPartition> assigned =
          partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
            records.add(record);
          }
        }
      }
      return records;
    }
  }
}
