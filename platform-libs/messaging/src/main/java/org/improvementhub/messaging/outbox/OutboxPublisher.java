package org.improvementhub.messaging.outbox;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's own producer: idempotent, acknowledged by every in-sync replica, never reordered.
 * Kept apart from micronaut-kafka's producers so its settings cannot be overridden by accident.
 */
@Singleton
public class OutboxPublisher implements AutoCloseable {

  private final Producer<String, String> producer;

  public OutboxPublisher(
      @Value("${kafka.bootstrap.servers}") String bootstrapServers,
      @Value("${hub.service.name}") String service) {
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                service + "-outbox",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION,
                5,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                30_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
  }

  Future<RecordMetadata> send(ProducerRecord<String, String> record) {
    return producer.send(record);
  }

  @PreDestroy
  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
