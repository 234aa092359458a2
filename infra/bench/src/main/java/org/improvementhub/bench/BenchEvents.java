package org.improvementhub.bench;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Events published straight to the broker, in the envelope the services' outboxes write. */
final class BenchEvents {

  private BenchEvents() {}

  static KafkaProducer<String, String> producer(String bootstrapServers) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            10,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class));
  }

  static String envelope(String type, String council, String aggregateId, String data) {
    return ("{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"council\":\"%s\","
            + "\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"data\":%s}")
        .formatted(UUID.randomUUID(), type, council, Instant.now(), aggregateId, data);
  }
}
