package org.improvementhub.oversight.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where an event stands in its topic: a council's (or an aggregate's) events share a partition, in
 * order. Each read-model row keeps the position of the event it was last written from, so that an
 * event applied again (a redelivery, a replay racing the live listener) never overwrites a newer.
 */
public record SourcePosition(int partition, long offset) {

  public static SourcePosition of(ConsumerRecord<?, ?> record) {
    return new SourcePosition(record.partition(), record.offset());
  }

  /**
   * The {@code WHERE} of an {@code INSERT ... ON CONFLICT DO UPDATE} into {@code table} (its
   * columns {@code source_partition} and {@code source_offset}): update only from a newer event.
   */
  public static String onlyIfNewerThanRowOf(String table) {
    return " WHERE "
        + table
        + ".source_partition <> EXCLUDED.source_partition OR "
        + table
        + ".source_offset < EXCLUDED.source_offset";
  }

  /** Sets this position as the {@code source_partition} at {@code index}, then the offset. */
  public void bind(PreparedStatement statement, int index) throws SQLException {
    statement.setInt(index, partition);
    statement.setLong(index + 1, offset);
  }
}
