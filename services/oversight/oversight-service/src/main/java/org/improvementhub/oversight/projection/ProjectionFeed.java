package org.improvementhub.oversight.projection;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.improvementhub.messaging.envelope.EventCodec;

/** Applies each event a listener receives to its projection, in a transaction of its own. */
@Singleton
public class ProjectionFeed {

  private final TransactionOperations<Connection> transactions;
  private final EventCodec codec;

  public ProjectionFeed(TransactionOperations<Connection> transactions, EventCodec codec) {
    this.transactions = transactions;
    this.codec = codec;
  }

  public void apply(Projection projection, ConsumerRecord<String, String> record) {
    transactions.executeWrite(
        status ->
            projection.apply(
                status.getConnection(), codec.read(record.value()), SourcePosition.of(record)));
  }
}
