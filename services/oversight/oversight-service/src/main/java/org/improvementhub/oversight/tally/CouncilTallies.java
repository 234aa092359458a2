package org.improvementhub.oversight.tally;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Recounts one council's row of {@code oversight.council_tally} from its observed rows, inside the
 * caller's transaction. Recounting a council (a few hundred indexed rows) rather than adding deltas
 * keeps the tally right by construction: a replay, a redelivery or a rebuild gives the same row.
 */
@Singleton
public class CouncilTallies {

  /** An open action: not Blue and not completed. */
  private static final String OPEN = "rag_status <> 'BLUE' AND completed_on IS NULL";

  private final TransactionOperations<Connection> transactions;
  private final ReportingDay day;
  private final ReadModelVersion version;

  public CouncilTallies(
      TransactionOperations<Connection> transactions, ReportingDay day, ReadModelVersion version) {
    this.transactions = transactions;
    this.day = day;
    this.version = version;
  }

  /** Recounts the council's actions: RAG counts, overdue and due in 30 days as at today. */
  public void countActions(Connection connection, String council) throws SQLException {
    LocalDate today = day.today();
    try (PreparedStatement count =
        connection.prepareStatement(
            "INSERT INTO oversight.council_tally AS t (council, total, blue, green, amber, red,"
                + " grey, overdue, due_soon, as_of, last_action_at)"
                + " SELECT ?, count(*),"
                + " count(*) FILTER (WHERE rag_status = 'BLUE'),"
                + " count(*) FILTER (WHERE rag_status = 'GREEN'),"
                + " count(*) FILTER (WHERE rag_status = 'AMBER'),"
                + " count(*) FILTER (WHERE rag_status = 'RED'),"
                + " count(*) FILTER (WHERE rag_status = 'GREY'),"
                + " count(*) FILTER (WHERE "
                + OPEN
                + " AND due_date < ?),"
                + " count(*) FILTER (WHERE "
                + OPEN
                + " AND due_date >= ? AND due_date <= ?),"
                + " ?, max(updated_at)"
                + " FROM oversight.observed_action WHERE council = ? AND withdrawn_on IS NULL"
                + " ON CONFLICT (council) DO UPDATE SET total = EXCLUDED.total,"
                + " blue = EXCLUDED.blue, green = EXCLUDED.green, amber = EXCLUDED.amber,"
                + " red = EXCLUDED.red, grey = EXCLUDED.grey, overdue = EXCLUDED.overdue,"
                + " due_soon = EXCLUDED.due_soon, as_of = EXCLUDED.as_of,"
                + " last_action_at = EXCLUDED.last_action_at")) {
      count.setString(1, council);
      count.setDate(2, Date.valueOf(today));
      count.setDate(3, Date.valueOf(today));
      count.setDate(4, Date.valueOf(today.plusDays(30)));
      count.setDate(5, Date.valueOf(today));
      count.setString(6, council);
      count.executeUpdate();
    }
    version.move(connection);
  }

  /** Recounts the council's measures by the status of each one's latest period. */
  public void countMeasures(Connection connection, String council) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "INSERT INTO oversight.council_tally AS t (council, measures_green, measures_amber,"
                + " measures_red, measures_grey, last_measure_at)"
                + " SELECT ?,"
                + " count(*) FILTER (WHERE status = 'GREEN'),"
                + " count(*) FILTER (WHERE status = 'AMBER'),"
                + " count(*) FILTER (WHERE status = 'RED'),"
                + " count(*) FILTER (WHERE status IS NULL OR status = 'GREY'),"
                + " (SELECT max(updated_at) FROM oversight.observed_measure_value"
                + "  WHERE council = ?)"
                + " FROM (SELECT DISTINCT ON (measure_id) status"
                + "  FROM oversight.observed_measure_value WHERE council = ?"
                + "  ORDER BY measure_id, period DESC) latest"
                + " ON CONFLICT (council) DO UPDATE SET measures_green = EXCLUDED.measures_green,"
                + " measures_amber = EXCLUDED.measures_amber, measures_red = EXCLUDED.measures_red,"
                + " measures_grey = EXCLUDED.measures_grey,"
                + " last_measure_at = EXCLUDED.last_measure_at")) {
      count.setString(1, council);
      count.setString(2, council);
      count.setString(3, council);
      count.executeUpdate();
    }
    version.move(connection);
  }

  /** Recounts the council's drivers and those no action answers. */
  public void countDrivers(Connection connection, String council) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "INSERT INTO oversight.council_tally AS t (council, drivers, drivers_without_action,"
                + " last_driver_at)"
                + " SELECT ?, count(*) FILTER (WHERE NOT removed),"
                + " count(*) FILTER (WHERE NOT removed AND action_count = 0), max(updated_at)"
                + " FROM oversight.observed_driver WHERE council = ?"
                + " ON CONFLICT (council) DO UPDATE SET drivers = EXCLUDED.drivers,"
                + " drivers_without_action = EXCLUDED.drivers_without_action,"
                + " last_driver_at = EXCLUDED.last_driver_at")) {
      count.setString(1, council);
      count.setString(2, council);
      count.executeUpdate();
    }
    version.move(connection);
  }

  /**
   * Keeps the council's RAG counts as they now stand as its snapshot for {@code period}: the last
   * action event of a month leaves the counts as at the month's end.
   */
  public void snapshot(Connection connection, String council, YearMonth period)
      throws SQLException {
    try (PreparedStatement snapshot =
        connection.prepareStatement(
            "INSERT INTO oversight.rag_snapshot (council, period, total, blue, green, amber, red,"
                + " grey) SELECT council, ?, total, blue, green, amber, red, grey"
                + " FROM oversight.council_tally WHERE council = ?"
                + " ON CONFLICT (council, period) DO UPDATE SET total = EXCLUDED.total,"
                + " blue = EXCLUDED.blue, green = EXCLUDED.green, amber = EXCLUDED.amber,"
                + " red = EXCLUDED.red, grey = EXCLUDED.grey")) {
      snapshot.setString(1, period.toString());
      snapshot.setString(2, council);
      snapshot.executeUpdate();
    }
  }

  /**
   * Recounts overdue and due-soon actions of every council last counted before today: days pass
   * without events, and an action falls overdue at midnight whether or not anything happens.
   *
   * @return how many councils were recounted
   */
  public int recountForToday() {
    LocalDate today = day.today();
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          int recounted;
          try (PreparedStatement recount =
              connection.prepareStatement(
                  "UPDATE oversight.council_tally t SET overdue = a.overdue,"
                      + " due_soon = a.due_soon, as_of = ?"
                      + " FROM (SELECT council,"
                      + "  count(*) FILTER (WHERE "
                      + OPEN
                      + " AND due_date < ?) AS overdue,"
                      + "  count(*) FILTER (WHERE "
                      + OPEN
                      + " AND due_date >= ? AND due_date <= ?) AS due_soon"
                      + "  FROM oversight.observed_action WHERE withdrawn_on IS NULL"
                      + "  AND council IN (SELECT council"
                      + "   FROM oversight.council_tally WHERE as_of IS NULL OR as_of < ?)"
                      + "  GROUP BY council) a"
                      + " WHERE t.council = a.council AND (t.as_of IS NULL OR t.as_of < ?)")) {
            recount.setDate(1, Date.valueOf(today));
            recount.setDate(2, Date.valueOf(today));
            recount.setDate(3, Date.valueOf(today));
            recount.setDate(4, Date.valueOf(today.plusDays(30)));
            recount.setDate(5, Date.valueOf(today));
            recount.setDate(6, Date.valueOf(today));
            recounted = recount.executeUpdate();
          }
          // councils with no action at all (only measures or drivers so far)
          try (PreparedStatement rest =
              connection.prepareStatement(
                  "UPDATE oversight.council_tally SET overdue = 0, due_soon = 0, as_of = ?"
                      + " WHERE as_of IS NULL OR as_of < ?")) {
            rest.setDate(1, Date.valueOf(today));
            rest.setDate(2, Date.valueOf(today));
            recounted += rest.executeUpdate();
          }
          if (recounted > 0) {
            version.move(connection);
          }
          return recounted;
        });
  }

  /** Just after midnight, so that readers rarely find a council counted for yesterday. */
  @Scheduled(cron = "0 1 0 * * *", zoneId = "Europe/London")
  void recountAfterMidnight() {
    recountForToday();
  }
}
