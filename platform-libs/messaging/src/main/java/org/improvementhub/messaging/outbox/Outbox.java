package org.improvementhub.messaging.outbox;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Records an event in the caller's transaction. The event is published only if that transaction
 * commits, and is published even if the process dies straight after the commit.
 */
@Singleton
public class Outbox {

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;
  private final String table;
  private final Clock clock;

  public Outbox(
      TransactionOperations<Connection> transactions,
      EventCodec codec,
      ServiceSchema schema,
      Clock clock) {
    this.transactions = transactions;
    this.codec = codec;
    this.table = schema.table("outbox_event");
    this.clock = clock;
  }

  /**
   * Adds an event about {@code council} to the current transaction.
   *
   * @param topic {@code <service>.<aggregate>.v1}
   * @param type the past-tense fact, e.g. {@code ActionFellOverdue}
   * @param aggregateId the id of the thing the event is about
   * @param data the event's record
   * @return the envelope that will be published
   * @throws IllegalStateException when called outside a transaction
   */
  public EventEnvelope append(
      String topic,
      CouncilSlug council,
      String type,
      int version,
      String aggregateId,
      Object data) {
    return write(topic, council.value(), council.value(), type, version, aggregateId, data);
  }

  /**
   * Adds an event about no single council (a person who may belong to none: an observer, a platform
   * admin) to the current transaction; its envelope names no council and its Kafka key is {@code
   * key}, which keeps one key's events in order.
   *
   * @throws IllegalStateException when called outside a transaction
   */
  public EventEnvelope appendPlatformWide(
      String topic, String type, int version, String key, Object data) {
    return write(topic, null, key, type, version, key, data);
  }

  private EventEnvelope write(
      String topic,
      String council,
      String key,
      String type,
      int version,
      String aggregateId,
      Object data) {
    if (transactions.findTransactionStatus().isEmpty()) {
      throw new IllegalStateException(
          "An event must be written in the transaction of the change it describes: " + type);
    }
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.randomUUID(),
            type,
            version,
            council,
            clock.instant(),
            aggregateId,
            codec.toTree(data));
    Connection connection = transactions.getConnection();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (event_id, topic, message_key, event_type, envelope, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, envelope.eventId());
      insert.setString(2, topic);
      insert.setString(3, key);
      insert.setString(4, type);
      insert.setString(5, codec.write(envelope));
      insert.setTimestamp(6, Timestamp.from(envelope.occurredAt()));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new OutboxException("Event could not be written to the outbox: " + type, e);
    }
    return envelope;
  }
}
