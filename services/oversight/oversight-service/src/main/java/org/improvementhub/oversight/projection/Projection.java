package org.improvementhub.oversight.projection;

import java.sql.Connection;
import java.sql.SQLException;
import org.improvementhub.messaging.envelope.EventEnvelope;

/** Keeps one part of the read model as the events of one topic describe it. */
public interface Projection {

  /**
   * Applies the event inside the caller's transaction; with {@code tally} false, leaves the
   * council's tallies for the caller to recount (a rebuild does so once per council rather than
   * once per event).
   *
   * @return whether the event was one this projection keeps (others on its topic are passed over)
   */
  boolean apply(Connection connection, EventEnvelope event, SourcePosition position, boolean tally)
      throws SQLException;

  /** Applies the event inside the caller's transaction, recounting the council's tallies. */
  default boolean apply(Connection connection, EventEnvelope event, SourcePosition position)
      throws SQLException {
    return apply(connection, event, position, true);
  }
}
