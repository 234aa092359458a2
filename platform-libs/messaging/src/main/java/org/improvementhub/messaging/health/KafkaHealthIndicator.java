package org.improvementhub.messaging.health;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.reactivestreams.Publisher;

/**
 * Whether the broker answers, for readiness. Replaces micronaut-kafka's indicator, which does not
 * load against kafka-clients 4 (it needs a class Kafka 4 removed); that one is switched off with
 * {@code kafka.health.enabled: false}.
 */
@Singleton
public class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {

  private final Admin admin;

  public KafkaHealthIndicator(@Value("${kafka.bootstrap.servers}") String bootstrapServers) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000));
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Publishers.fromCompletableFuture(
        () -> {
          CompletableFuture<HealthResult> result = new CompletableFuture<>();
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
              .nodes()
              .whenComplete(
                  (nodes, failure) ->
                      result.complete(
                          failure == null
                              ? HealthResult.builder("kafka", HealthStatus.UP)
                                  .details(Map.of("brokers", nodes.size()))
                                  .build()
                              : HealthResult.builder("kafka", HealthStatus.DOWN)
                                  .details(Map.of("error", String.valueOf(failure.getMessage())))
                                  .build()));
          return result;
        });
  }

  @PreDestroy
  @Override
  public void close() {
    admin.close(java.time.Duration.ofSeconds(2));
  }
}
