package org.improvementhub.messaging.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.observability.logging.LogContext;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilNotReadyException;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.KnownCouncils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each event once per consumer. The event's id is recorded in the same transaction as its
 * effect, bound to the council the envelope names; a redelivered event finds its id and does
 * nothing.
 */
@Singleton
public class Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

  private final TransactionOperations<Connection> transactions;
  private final String table;
  private final Optional<KnownCouncils> councils;

  public Inbox(
      TransactionOperations<Connection> transactions,
      ServiceSchema schema,
      @Nullable KnownCouncils councils) {
    this.transactions = transactions;
    this.table = schema.table("inbox_event");
    this.councils = Optional.ofNullable(councils);
  }

  /**
   * Applies {@code effect} if {@code consumer} has not applied this event before.
   *
   * <p>An event for a council this service has never heard of is dropped with a warning: council
   * schemas exist before any event about them is published, so such an event is stray. An event for
   * a council whose tables are still being migrated throws, so the listener retries it.
   *
   * @return the outcome
   */
  public Outcome applyOnce(String consumer, EventEnvelope event, Runnable effect) {
    // every line logged while applying the event names its council and id, and only those lines
    return LogContext.call(
        LogContext.ofEvent(event.council(), event.eventId()),
        () -> applyInContext(consumer, event, effect));
  }

  private Outcome applyInContext(String consumer, EventEnvelope event, Runnable effect) {
    Optional<CouncilSlug> council = CouncilSlug.parse(event.council());
    if (council.isEmpty()) {
      LOG.warn("Event {} {} names no valid council; dropped", event.type(), event.eventId());
      return Outcome.DROPPED;
    }
    if (councils.isPresent()) {
      switch (councils.get().stateOf(council.get())) {
        case UNKNOWN -> {
          LOG.warn(
              "Event {} {} is for unknown council {}; dropped",
              event.type(),
              event.eventId(),
              event.council());
          return Outcome.DROPPED;
        }
        case NOT_READY -> throw new CouncilNotReadyException(council.get());
        case READY -> {}
      }
    }
    return transactions.executeWrite(
        status -> {
          if (!record(status.getConnection(), consumer, event)) {
            return Outcome.ALREADY_APPLIED;
          }
          CouncilContext.run(council.get(), effect);
          return Outcome.APPLIED;
        });
  }

  private boolean record(Connection connection, String consumer, EventEnvelope event)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (consumer, event_id, event_type, council) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, consumer);
      insert.setObject(2, event.eventId());
      insert.setString(3, event.type());
      insert.setString(4, event.council());
      return insert.executeUpdate() == 1;
    }
  }

  /** What happened to one delivery. */
  public enum Outcome {
    APPLIED,
    ALREADY_APPLIED,
    DROPPED
  }
}
