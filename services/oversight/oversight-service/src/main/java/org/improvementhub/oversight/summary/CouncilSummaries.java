package org.improvementhub.oversight.summary;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.improvementhub.oversight.tally.CouncilTallies;
import org.improvementhub.oversight.tally.ReportingDay;

/**
 * Reads council summaries from the tallies the projections keep: one small read of one row per
 * council in scope. A council last counted before today has its overdue actions recounted first.
 */
@Singleton
public class CouncilSummaries {

  static final List<String> RAG_ORDER = List.of("BLUE", "GREEN", "AMBER", "RED", "GREY");
  static final List<String> MEASURE_ORDER = List.of("GREEN", "AMBER", "RED", "GREY");

  private final TransactionOperations<Connection> transactions;
  private final CouncilTallies tallies;
  private final ReportingDay day;

  public CouncilSummaries(
      TransactionOperations<Connection> transactions, CouncilTallies tallies, ReportingDay day) {
    this.transactions = transactions;
    this.tallies = tallies;
    this.day = day;
  }

  public List<CouncilSummary> inScope(ObserverScope scope) {
    if (!scope.all() && scope.councils().isEmpty()) {
      return List.of();
    }
    LocalDate today = day.today();
    Read read = read(scope, today);
    if (read.countedBeforeToday()) {
      tallies.recountForToday();
      read = read(scope, today);
    }
    return read.summaries();
  }

  private record Read(List<CouncilSummary> summaries, boolean countedBeforeToday) {}

  private Read read(ObserverScope scope, LocalDate today) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT c.slug, c.name, c.la_code, c.status, t.total, t.blue, t.green,"
                          + " t.amber, t.red, t.grey, t.overdue, t.due_soon, t.measures_green,"
                          + " t.measures_amber, t.measures_red, t.measures_grey, t.drivers,"
                          + " t.drivers_without_action,"
                          + " (t.council IS NOT NULL AND (t.as_of IS NULL OR t.as_of < ?)) AS stale,"
                          + " t.last_action_at, t.last_measure_at, t.last_driver_at"
                          + " FROM oversight.observed_council c"
                          + " LEFT JOIN oversight.council_tally t ON t.council = c.slug"
                          + " WHERE ? OR c.slug = ANY (?)"
                          + " ORDER BY c.slug")) {
            query.setDate(1, Date.valueOf(today));
            query.setBoolean(2, scope.all());
            query.setArray(
                3, status.getConnection().createArrayOf("text", scope.councils().toArray()));
            List<CouncilSummary> summaries = new ArrayList<>();
            boolean stale = false;
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                stale |= rows.getBoolean("stale");
                summaries.add(summaryOf(rows));
              }
            }
            return new Read(summaries, stale);
          }
        });
  }

  private static CouncilSummary summaryOf(ResultSet row) throws SQLException {
    long total = row.getLong("total");
    List<RagCount> rag = new ArrayList<>(RAG_ORDER.size());
    for (String status : RAG_ORDER) {
      rag.add(RagCount.of(status, row.getLong(status.toLowerCase()), total));
    }
    List<StatusCount> measures = new ArrayList<>(MEASURE_ORDER.size());
    for (String status : MEASURE_ORDER) {
      measures.add(new StatusCount(status, row.getLong("measures_" + status.toLowerCase())));
    }
    int laCode = row.getInt("la_code");
    Integer la = row.wasNull() ? null : laCode;
    Instant lastUpdate =
        Stream.of(
                row.getTimestamp("last_action_at"),
                row.getTimestamp("last_measure_at"),
                row.getTimestamp("last_driver_at"))
            .filter(t -> t != null)
            .map(Timestamp::toInstant)
            .max(Instant::compareTo)
            .orElse(null);
    return new CouncilSummary(
        row.getString("slug"),
        row.getString("name"),
        la,
        row.getString("status"),
        total,
        List.copyOf(rag),
        row.getLong("overdue"),
        row.getLong("due_soon"),
        List.copyOf(measures),
        row.getLong("drivers"),
        row.getLong("drivers_without_action"),
        lastUpdate);
  }
}
