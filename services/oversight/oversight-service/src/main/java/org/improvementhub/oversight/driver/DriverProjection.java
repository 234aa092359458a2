package org.improvementhub.oversight.driver;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.projection.Projection;
import org.improvementhub.oversight.projection.SourcePosition;
import org.improvementhub.oversight.tally.CouncilTallies;
import org.improvementhub.plans.events.DriverRemoved;
import org.improvementhub.plans.events.DriverSaved;

/**
 * Keeps each council's drivers as the latest {@code DriverSaved} describes them, which names every
 * action answering the driver; {@code DriverRemoved} leaves a tombstone. A driver's events share a
 * partition (keyed by the driver), so the source position keeps an older event from overwriting a
 * newer. The council's driver tally is recounted in the same transaction.
 */
@Singleton
public class DriverProjection implements Projection {

  private static final String NEWER = SourcePosition.onlyIfNewerThanRowOf("observed_driver");

  private final EventCodec codec;
  private final CouncilTallies tallies;

  public DriverProjection(EventCodec codec, CouncilTallies tallies) {
    this.codec = codec;
    this.tallies = tallies;
  }

  @Override
  public boolean apply(
      Connection connection, EventEnvelope event, SourcePosition position, boolean tally)
      throws SQLException {
    int changed;
    if (DriverSaved.TYPE.equals(event.type())) {
      changed = saved(connection, event, codec.dataOf(event, DriverSaved.class), position);
    } else if (DriverRemoved.TYPE.equals(event.type())) {
      changed = removed(connection, event, codec.dataOf(event, DriverRemoved.class), position);
    } else {
      return false;
    }
    if (tally && changed > 0) {
      tallies.countDrivers(connection, event.council());
    }
    return true;
  }

  private int saved(
      Connection connection, EventEnvelope event, DriverSaved driver, SourcePosition position)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO oversight.observed_driver (council, driver_id, kind, ref, title,"
                + " timeframe, action_count, updated_at, source_partition, source_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (council, driver_id) DO UPDATE SET kind = EXCLUDED.kind,"
                + " ref = EXCLUDED.ref, title = EXCLUDED.title, timeframe = EXCLUDED.timeframe,"
                + " action_count = EXCLUDED.action_count, removed = false,"
                + " updated_at = EXCLUDED.updated_at,"
                + " source_partition = EXCLUDED.source_partition,"
                + " source_offset = EXCLUDED.source_offset"
                + NEWER)) {
      upsert.setString(1, event.council());
      upsert.setObject(2, driver.driverId());
      upsert.setString(3, driver.kind());
      upsert.setString(4, driver.ref());
      upsert.setString(5, driver.title());
      upsert.setString(6, driver.timeframe());
      upsert.setInt(7, driver.actionIds() == null ? 0 : driver.actionIds().size());
      upsert.setTimestamp(8, Timestamp.from(event.occurredAt()));
      position.bind(upsert, 9);
      return upsert.executeUpdate();
    }
  }

  private int removed(
      Connection connection, EventEnvelope event, DriverRemoved driver, SourcePosition position)
      throws SQLException {
    try (PreparedStatement tombstone =
        connection.prepareStatement(
            "INSERT INTO oversight.observed_driver (council, driver_id, kind, ref, title,"
                + " action_count, removed, updated_at, source_partition, source_offset)"
                + " VALUES (?, ?, '', '', '', 0, true, ?, ?, ?)"
                + " ON CONFLICT (council, driver_id) DO UPDATE SET removed = true,"
                + " updated_at = EXCLUDED.updated_at,"
                + " source_partition = EXCLUDED.source_partition,"
                + " source_offset = EXCLUDED.source_offset"
                + NEWER)) {
      tombstone.setString(1, event.council());
      tombstone.setObject(2, driver.driverId());
      tombstone.setTimestamp(3, Timestamp.from(event.occurredAt()));
      position.bind(tombstone, 4);
      return tombstone.executeUpdate();
    }
  }
}
