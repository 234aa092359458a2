package org.improvementhub.messaging.outbox;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.improvementhub.messaging.schedule.RecurringWork;
import org.improvementhub.messaging.schema.ServiceSchema;

/**
 * Publishes committed outbox events in order and marks them published.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas can relay side by
 * side. If the broker fails part-way, the transaction rolls back and the batch is sent again:
 * delivery is at least once, and consumers' inboxes make it effectively once.
 */
@Context
@Requires(property = "hub.outbox.relay.enabled", notEquals = "false")
public class OutboxRelay {

  private static final int BATCH = 200;

  private final TransactionOperations<Connection> transactions;
  private final OutboxPublisher producer;
  private final String table;
  private final Duration pollInterval;
  private volatile RecurringWork schedule;

  public OutboxRelay(
      TransactionOperations<Connection> transactions,
      OutboxPublisher producer,
      ServiceSchema schema,
      @Value("${hub.outbox.poll-interval:200ms}") Duration pollInterval) {
    this.pollInterval = pollInterval;
    this.transactions = transactions;
    this.producer = producer;
    this.table = schema.table("outbox_event");
  }

  @EventListener
  void onStartup(StartupEvent event) {
    schedule =
        RecurringWork.start(
            "outbox-relay", Duration.ofSeconds(1), pollInterval, this::relayPending);
  }

  @EventListener
  void onShutdown(ShutdownEvent event) {
    if (schedule != null) {
      schedule.stop(Duration.ofSeconds(10));
    }
  }

  void relayPending() {
    while (relayBatch() == BATCH) {
      // a full batch means more may be waiting
    }
  }

  /**
   * Publishes up to one batch of pending events.
   *
   * @return how many events were published
   */
  public int relayBatch() {
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          List<Pending> pending = claim(connection);
          if (pending.isEmpty()) {
            return 0;
          }
          List<Future<RecordMetadata>> sends = new ArrayList<>(pending.size());
          for (Pending event : pending) {
            ProducerRecord<String, String> record =
                new ProducerRecord<>(event.topic(), event.key(), event.envelope());
            record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
            sends.add(producer.send(record));
          }
          for (Future<RecordMetadata> send : sends) {
            awaitAcknowledgement(send);
          }
          markPublished(connection, pending);
          return pending.size();
        });
  }

  private List<Pending> claim(Connection connection) throws SQLException {
    List<Pending> pending = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, topic, message_key, event_type, envelope FROM "
                + table
                + " WHERE published_at IS NULL ORDER BY id LIMIT "
                + BATCH
                + " FOR UPDATE SKIP LOCKED")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          pending.add(
              new Pending(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5)));
        }
      }
    }
    return pending;
  }

  private void markPublished(Connection connection, List<Pending> pending) throws SQLException {
    Long[] ids = pending.stream().map(Pending::id).toArray(Long[]::new);
    Array idArray = connection.createArrayOf("bigint", ids);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE " + table + " SET published_at = now() WHERE id = ANY (?)")) {
      update.setArray(1, idArray);
      update.executeUpdate();
    }
  }

  private static void awaitAcknowledgement(Future<RecordMetadata> send) {
    try {
      send.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The broker did not acknowledge an event", e);
    }
  }

  private record Pending(long id, String topic, String key, String type, String envelope) {}
}
