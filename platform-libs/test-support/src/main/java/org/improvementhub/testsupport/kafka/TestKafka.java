package org.improvementhub.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Publishes raw messages (duplicates included) and reads topics, on the shared test broker or
 * another.
 */
public final class TestKafka {

  private final KafkaProducer<String, String> producer;
  private final String bootstrapServers;

  private TestKafka(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
  }

  public static TestKafka shared() {
    return Holder.INSTANCE;
  }

  /**
   * One on another broker: a stack of service processes given a broker of its own (its consumer
   * groups' fixed names would otherwise take the shared broker's partitions from other stacks).
   */
  public static TestKafka on(String bootstrapServers) {
    return new TestKafka(bootstrapServers);
  }

  private static final class Holder {
    private static final TestKafka INSTANCE =
        new TestKafka(TestInfrastructure.shared().kafkaBootstrapServers());
  }

  /** Publishes and waits for the broker's acknowledgement. */
  public void publish(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not publish to " + topic, e.getCause());
    }
  }

  /** Every message on {@code topic} with {@code key} that arrives within {@code wait}. */
  public List<String> read(String topic, String key, Duration wait) {
    // Partitions are assigned, not subscribed: no consumer group to join, so the whole wait is
    // spent reading even on a loaded machine where the first group join takes seconds.
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
      long deadline = System.nanoTime() + wait.toNanos();
      List<TopicPartition> partitions = List.of();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        partitions =
            consumer.partitionsFor(topic, Duration.ofMillis(500)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
      }
      List<String> values = new ArrayList<>();
      if (partitions.isEmpty()) {
        return values;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            values.add(record.value());
          }
        }
      }
      return values;
    }
  }
}
