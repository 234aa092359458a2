package org.improvementhub.oversight.summary;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads council summaries from the read model: one query for every council in scope. */
@Singleton
public class CouncilSummaries {

  static final List<String> RAG_ORDER = List.of("BLUE", "GREEN", "AMBER", "RED", "GREY");

  private final TransactionOperations<Connection> transactions;

  public CouncilSummaries(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  public List<CouncilSummary> inScope(ObserverScope scope, LocalDate today) {
    if (!scope.all() && scope.councils().isEmpty()) {
      return List.of();
    }
    return transactions.executeRead(
        status -> {
          try (PreparedStatement query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT c.slug, c.name, c.la_code, c.status, c.last_update_at,"
                          + " count(a.action_id) AS total,"
                          + " count(*) FILTER (WHERE a.rag_status = 'BLUE') AS blue,"
                          + " count(*) FILTER (WHERE a.rag_status = 'GREEN') AS green,"
                          + " count(*) FILTER (WHERE a.rag_status = 'AMBER') AS amber,"
                          + " count(*) FILTER (WHERE a.rag_status = 'RED') AS red,"
                          + " count(*) FILTER (WHERE a.rag_status = 'GREY') AS grey,"
                          + " count(*) FILTER (WHERE a.rag_status <> 'BLUE'"
                          + "   AND a.completed_on IS NULL AND a.due_date < ?) AS overdue,"
                          + " count(*) FILTER (WHERE a.rag_status <> 'BLUE'"
                          + "   AND a.completed_on IS NULL AND a.due_date >= ?"
                          + "   AND a.due_date <= ?) AS due_soon"
                          + " FROM oversight.observed_council c"
                          + " LEFT JOIN oversight.observed_action a ON a.council = c.slug"
                          + " WHERE ? OR c.slug = ANY (?)"
                          + " GROUP BY c.slug, c.name, c.la_code, c.status, c.last_update_at"
                          + " ORDER BY c.slug")) {
            query.setDate(1, Date.valueOf(today));
            query.setDate(2, Date.valueOf(today));
            query.setDate(3, Date.valueOf(today.plusDays(30)));
            query.setBoolean(4, scope.all());
            query.setArray(
                5, status.getConnection().createArrayOf("text", scope.councils().toArray()));
            List<CouncilSummary> summaries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                summaries.add(summaryOf(rows));
              }
            }
            return summaries;
          }
        });
  }

  private static CouncilSummary summaryOf(ResultSet row) throws SQLException {
    long total = row.getLong("total");
    List<RagCount> rag = new ArrayList<>();
    for (String status : RAG_ORDER) {
      rag.add(RagCount.of(status, row.getLong(status.toLowerCase()), total));
    }
    Timestamp lastUpdate = row.getTimestamp("last_update_at");
    int laCode = row.getInt("la_code");
    return new CouncilSummary(
        row.getString("slug"),
        row.getString("name"),
        row.wasNull() ? null : laCode,
        row.getString("status"),
        total,
        List.copyOf(rag),
        row.getLong("overdue"),
        row.getLong("due_soon"),
        lastUpdate == null ? null : lastUpdate.toInstant());
  }
}
