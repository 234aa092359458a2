package org.improvementhub.oversight.planitem;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.projection.Projection;
import org.improvementhub.oversight.projection.SourcePosition;
import org.improvementhub.plans.events.PlanItemRemoved;
import org.improvementhub.plans.events.PlanItemSaved;

/**
 * Keeps each council's plan items as the latest {@code PlanItemSaved} describes them; {@code
 * PlanItemRemoved} leaves a tombstone. An item's events share a partition (keyed by the item), so
 * the source position keeps an older event from overwriting a newer. Nothing on the dashboard
 * depends on items, so no tally moves.
 */
@Singleton
public class PlanItemProjection implements Projection {

  private static final String NEWER = SourcePosition.onlyIfNewerThanRowOf("observed_plan_item");

  private final EventCodec codec;

  public PlanItemProjection(EventCodec codec) {
    this.codec = codec;
  }

  /** {@inheritDoc} No tally counts plan items, so {@code tally} changes nothing. */
  @Override
  public boolean apply(
      Connection connection, EventEnvelope event, SourcePosition position, boolean tally)
      throws SQLException {
    if (PlanItemSaved.TYPE.equals(event.type())) {
      PlanItemSaved item = codec.dataOf(event, PlanItemSaved.class);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO oversight.observed_plan_item (council, item_id, ref, title, level_name,"
                  + " source_partition, source_offset) VALUES (?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (council, item_id) DO UPDATE SET ref = EXCLUDED.ref,"
                  + " title = EXCLUDED.title, level_name = EXCLUDED.level_name, removed = false,"
                  + " source_partition = EXCLUDED.source_partition,"
                  + " source_offset = EXCLUDED.source_offset"
                  + NEWER)) {
        upsert.setString(1, event.council());
        upsert.setObject(2, item.itemId());
        upsert.setString(3, item.ref());
        upsert.setString(4, item.title());
        upsert.setString(5, item.levelName());
        position.bind(upsert, 6);
        upsert.executeUpdate();
      }
      return true;
    }
    if (PlanItemRemoved.TYPE.equals(event.type())) {
      PlanItemRemoved item = codec.dataOf(event, PlanItemRemoved.class);
      try (PreparedStatement tombstone =
          connection.prepareStatement(
              "INSERT INTO oversight.observed_plan_item (council, item_id, ref, title, removed,"
                  + " source_partition, source_offset) VALUES (?, ?, '', '', true, ?, ?)"
                  + " ON CONFLICT (council, item_id) DO UPDATE SET removed = true,"
                  + " source_partition = EXCLUDED.source_partition,"
                  + " source_offset = EXCLUDED.source_offset"
                  + NEWER)) {
        tombstone.setString(1, event.council());
        tombstone.setObject(2, item.itemId());
        position.bind(tombstone, 3);
        tombstone.executeUpdate();
      }
      return true;
    }
    return false;
  }
}
