package org.improvementhub.oversight.trend;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.improvementhub.oversight.summary.RagCount;

/** Reads the RAG snapshots the action projection keeps at each period's end. */
@Singleton
public class RagSnapshots {

  private static final List<String> RAG_ORDER = List.of("BLUE", "GREEN", "AMBER", "RED", "GREY");

  private final TransactionOperations<Connection> transactions;

  public RagSnapshots(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /** The council's trend up to {@code until}; empty if no such council is observed. */
  public Optional<CouncilTrend> trend(String council, YearMonth until) {
    return transactions.executeRead(
        status -> {
          Connection connection = status.getConnection();
          try (PreparedStatement known =
              connection.prepareStatement(
                  "SELECT 1 FROM oversight.observed_council WHERE slug = ?")) {
            known.setString(1, council);
            try (ResultSet rows = known.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
            }
          }
          TreeMap<YearMonth, PeriodRag> kept = snapshots(connection, council, null);
          List<PeriodRag> periods = new ArrayList<>();
          if (!kept.isEmpty()) {
            YearMonth last = kept.lastKey().isAfter(until) ? kept.lastKey() : until;
            PeriodRag carried = null;
            for (YearMonth p = kept.firstKey(); !p.isAfter(last); p = p.plusMonths(1)) {
              PeriodRag at = kept.get(p);
              carried =
                  at != null
                      ? at
                      : new PeriodRag(p.toString(), carried.totalActions(), carried.rag());
              periods.add(carried);
            }
          }
          return Optional.of(new CouncilTrend(council, List.copyOf(periods)));
        });
  }

  /** The council's RAG counts as at the end of {@code period}, inside the caller's transaction. */
  public Optional<PeriodRag> asAt(Connection connection, String council, YearMonth period)
      throws SQLException {
    TreeMap<YearMonth, PeriodRag> kept = snapshots(connection, council, period);
    return kept.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new PeriodRag(
                period.toString(),
                kept.lastEntry().getValue().totalActions(),
                kept.lastEntry().getValue().rag()));
  }

  private static TreeMap<YearMonth, PeriodRag> snapshots(
      Connection connection, String council, YearMonth upTo) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT period, total, blue, green, amber, red, grey FROM oversight.rag_snapshot"
                + " WHERE council = ? AND (?::text IS NULL OR period <= ?) ORDER BY period")) {
      query.setString(1, council);
      query.setString(2, upTo == null ? null : upTo.toString());
      query.setString(3, upTo == null ? null : upTo.toString());
      TreeMap<YearMonth, PeriodRag> kept = new TreeMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long total = rows.getLong("total");
          List<RagCount> rag = new ArrayList<>();
          for (String status : RAG_ORDER) {
            rag.add(RagCount.of(status, rows.getLong(status.toLowerCase()), total));
          }
          String period = rows.getString("period");
          kept.put(YearMonth.parse(period), new PeriodRag(period, total, List.copyOf(rag)));
        }
      }
      return kept;
    }
  }
}
