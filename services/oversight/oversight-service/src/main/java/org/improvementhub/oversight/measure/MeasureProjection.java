package org.improvementhub.oversight.measure;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.improvementhub.measures.events.MeasureStatusChanged;
import org.improvementhub.measures.events.MeasureValueRecorded;
import org.improvementhub.messaging.envelope.EventCodec;
import org.improvementhub.messaging.envelope.EventEnvelope;
import org.improvementhub.oversight.projection.Projection;
import org.improvementhub.oversight.projection.SourcePosition;
import org.improvementhub.oversight.tally.CouncilTallies;

/**
 * Keeps each period's value of each measure: {@code MeasureValueRecorded} brings the value (the
 * highest revision wins), {@code MeasureStatusChanged} the status and the target in force. Both
 * share a topic keyed by the council, so the source position orders them; an event older than the
 * one last applied to the row changes nothing. The council's measure tally is recounted in the same
 * transaction.
 */
@Singleton
public class MeasureProjection implements Projection {

  private static final String NEWER = SourcePosition.onlyIfNewerThanRowOf("observed_measure_value");

  private final EventCodec codec;
  private final CouncilTallies tallies;

  public MeasureProjection(EventCodec codec, CouncilTallies tallies) {
    this.codec = codec;
    this.tallies = tallies;
  }

  @Override
  public boolean apply(
      Connection connection, EventEnvelope event, SourcePosition position, boolean tally)
      throws SQLException {
    int changed;
    if (MeasureValueRecorded.TYPE.equals(event.type())) {
      changed =
          recorded(connection, event, codec.dataOf(event, MeasureValueRecorded.class), position);
    } else if (MeasureStatusChanged.TYPE.equals(event.type())) {
      changed =
          statusChanged(
              connection, event, codec.dataOf(event, MeasureStatusChanged.class), position);
    } else {
      return false;
    }
    if (tally && changed > 0) {
      tallies.countMeasures(connection, event.council());
    }
    return true;
  }

  private int recorded(
      Connection connection,
      EventEnvelope event,
      MeasureValueRecorded value,
      SourcePosition position)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO oversight.observed_measure_value (council, measure_id, period, name,"
                + " unit, polarity, value, revision, updated_at, source_partition, source_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (council, measure_id, period) DO UPDATE SET name = EXCLUDED.name,"
                + " unit = EXCLUDED.unit, polarity = EXCLUDED.polarity,"
                + " value = CASE WHEN EXCLUDED.revision >= observed_measure_value.revision"
                + "  THEN EXCLUDED.value ELSE observed_measure_value.value END,"
                + " revision = GREATEST(EXCLUDED.revision, observed_measure_value.revision),"
                + " updated_at = EXCLUDED.updated_at,"
                + " source_partition = EXCLUDED.source_partition,"
                + " source_offset = EXCLUDED.source_offset"
                + NEWER)) {
      upsert.setString(1, event.council());
      upsert.setObject(2, value.measureId());
      upsert.setString(3, value.period());
      upsert.setString(4, value.measureName());
      upsert.setString(5, value.unit());
      upsert.setString(6, value.polarity());
      upsert.setBigDecimal(7, value.value());
      upsert.setInt(8, value.revision());
      upsert.setTimestamp(9, Timestamp.from(event.occurredAt()));
      position.bind(upsert, 10);
      return upsert.executeUpdate();
    }
  }

  private int statusChanged(
      Connection connection,
      EventEnvelope event,
      MeasureStatusChanged change,
      SourcePosition position)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO oversight.observed_measure_value (council, measure_id, period, name,"
                + " value, status, target, lower_bound, upper_bound, updated_at,"
                + " source_partition, source_offset)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (council, measure_id, period) DO UPDATE SET name = EXCLUDED.name,"
                + " value = EXCLUDED.value, status = EXCLUDED.status, target = EXCLUDED.target,"
                + " lower_bound = EXCLUDED.lower_bound, upper_bound = EXCLUDED.upper_bound,"
                + " updated_at = EXCLUDED.updated_at,"
                + " source_partition = EXCLUDED.source_partition,"
                + " source_offset = EXCLUDED.source_offset"
                + NEWER)) {
      upsert.setString(1, event.council());
      upsert.setObject(2, change.measureId());
      upsert.setString(3, change.period());
      upsert.setString(4, change.measureName());
      upsert.setBigDecimal(5, change.value());
      upsert.setString(6, change.status());
      upsert.setBigDecimal(7, change.target());
      upsert.setBigDecimal(8, change.lower());
      upsert.setBigDecimal(9, change.upper());
      upsert.setTimestamp(10, Timestamp.from(event.occurredAt()));
      position.bind(upsert, 11);
      return upsert.executeUpdate();
    }
  }
}
