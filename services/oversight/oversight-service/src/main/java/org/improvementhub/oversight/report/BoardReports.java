package org.improvementhub.oversight.report;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.improvementhub.oversight.report.BoardReport.RagChange;
import org.improvementhub.oversight.report.BoardReport.RagMovement;
import org.improvementhub.oversight.report.BoardReport.ReportedAction;
import org.improvementhub.oversight.report.BoardReport.ReportedDriver;
import org.improvementhub.oversight.report.BoardReport.ReportedMeasure;
import org.improvementhub.oversight.summary.RagCount;
import org.improvementhub.oversight.trend.PeriodRag;
import org.improvementhub.oversight.trend.RagSnapshots;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Drafts a council's board report from the read model as it stands at the period's end (or today,
 * for the current period), issues it once, and serves the frozen content afterwards.
 */
@Singleton
public class BoardReports {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final List<String> RAG_ORDER = List.of("BLUE", "GREEN", "AMBER", "RED", "GREY");
  private static final DateTimeFormatter PERIOD_LABEL =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final TransactionOperations<Connection> transactions;
  private final JsonMapper json;
  private final Clock clock;
  private final RagSnapshots snapshots;

  public BoardReports(
      TransactionOperations<Connection> transactions,
      JsonMapper json,
      Clock clock,
      RagSnapshots snapshots) {
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
    this.snapshots = snapshots;
  }

  /** The report as it would read if issued now. */
  public BoardReport draft(String council, YearMonth period) {
    return transactions.executeRead(status -> draft(status.getConnection(), council, period));
  }

  /** Freezes the report for the period; a period is issued once (409 after). */
  public BoardReport issue(String council, YearMonth period, String issuedBy) {
    return transactions.executeWrite(
        status -> {
          Connection connection = status.getConnection();
          if (find(connection, council, period).isPresent()) {
            throw ProblemException.of(
                ProblemType.CONFLICT,
                "The board report for " + period + " has been issued; issued reports never change");
          }
          BoardReport report = draft(connection, council, period).issued(clock.instant(), issuedBy);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO oversight.board_report (council, period, issued_at, issued_by, content)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, council);
            insert.setString(2, period.toString());
            insert.setTimestamp(3, Timestamp.from(report.issuedAt()));
            insert.setString(4, issuedBy);
            insert.setString(5, write(report));
            insert.executeUpdate();
          }
          return report;
        });
  }

  /** The issued report, exactly as it was issued. */
  public Optional<BoardReport> issued(String council, YearMonth period) {
    return transactions.executeRead(status -> find(status.getConnection(), council, period));
  }

  /** Periods with an issued report, newest first. */
  public List<String> issuedPeriods(String council) {
    return transactions.executeRead(
        status -> {
          try (PreparedStatement query =
              status
                  .getConnection()
                  .prepareStatement(
                      "SELECT period FROM oversight.board_report WHERE council = ?"
                          + " ORDER BY period DESC")) {
            query.setString(1, council);
            List<String> periods = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                periods.add(rows.getString(1));
              }
            }
            return periods;
          }
        });
  }

  private BoardReport draft(Connection connection, String council, YearMonth period)
      throws SQLException {
    String name = councilName(connection, council);
    LocalDate today = LocalDate.now(clock.withZone(UK));
    LocalDate asAt = period.atEndOfMonth().isBefore(today) ? period.atEndOfMonth() : today;
    List<ReportedAction> actions = actions(connection, council, asAt);
    Map<String, Long> counts = new HashMap<>();
    actions.forEach(a -> counts.merge(a.ragStatus(), 1L, Long::sum));
    long total = actions.size();
    List<RagCount> summary =
        RAG_ORDER.stream().map(s -> RagCount.of(s, counts.getOrDefault(s, 0L), total)).toList();
    List<ReportedAction> exceptions =
        actions.stream()
            .filter(a -> a.ragStatus().equals("RED") || a.ragStatus().equals("AMBER"))
            .sorted(Comparator.comparing((ReportedAction a) -> !a.ragStatus().equals("RED")))
            .toList();
    List<ReportedAction> overdue = actions.stream().filter(a -> a.daysOverdue() > 0).toList();
    List<RagChange> changes = changesSince(connection, council, period, actions);
    YearMonth previousPeriod = period.minusMonths(1);
    return new BoardReport(
        council,
        name,
        period.toString(),
        period.format(PERIOD_LABEL),
        null,
        null,
        total,
        summary,
        exceptions,
        overdue,
        changes,
        actions,
        previousPeriod.toString(),
        movements(connection, council, period),
        measures(connection, council, period),
        driversWithoutActions(connection, council));
  }

  /** RAG counts at the end of the previous period and of this one, from the period snapshots. */
  private List<RagMovement> movements(Connection connection, String council, YearMonth period)
      throws SQLException {
    Optional<PeriodRag> now = snapshots.asAt(connection, council, period);
    Optional<PeriodRag> before = snapshots.asAt(connection, council, period.minusMonths(1));
    if (now.isEmpty() || before.isEmpty()) {
      return List.of();
    }
    List<RagMovement> movements = new ArrayList<>();
    for (String status : RAG_ORDER) {
      long was = before.get().countOf(status);
      long is = now.get().countOf(status);
      movements.add(new RagMovement(status, was, is, is - was));
    }
    movements.add(
        new RagMovement(
            "TOTAL",
            before.get().totalActions(),
            now.get().totalActions(),
            now.get().totalActions() - before.get().totalActions()));
    return movements;
  }

  /** Each measure's latest value in or before the period, with its trend from the value before. */
  private List<ReportedMeasure> measures(Connection connection, String council, YearMonth period)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT DISTINCT ON (v.measure_id) v.name, v.unit, v.polarity, v.period, v.value,"
                + " v.status, v.target, v.lower_bound, v.upper_bound,"
                + " (SELECT p.value FROM oversight.observed_measure_value p"
                + "  WHERE p.council = v.council AND p.measure_id = v.measure_id"
                + "  AND p.period < v.period ORDER BY p.period DESC LIMIT 1) AS previous"
                + " FROM oversight.observed_measure_value v"
                + " WHERE v.council = ? AND v.period <= ?"
                + " ORDER BY v.measure_id, v.period DESC")) {
      query.setString(1, council);
      query.setString(2, period.toString());
      List<ReportedMeasure> measures = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          BigDecimal actual = rows.getBigDecimal("value");
          BigDecimal previous = rows.getBigDecimal("previous");
          String status = rows.getString("status");
          measures.add(
              new ReportedMeasure(
                  rows.getString("name"),
                  rows.getString("unit"),
                  rows.getString("period"),
                  rows.getBigDecimal("target"),
                  rows.getBigDecimal("lower_bound"),
                  rows.getBigDecimal("upper_bound"),
                  actual,
                  status == null ? "GREY" : status,
                  previous,
                  MeasureTrend.of(rows.getString("polarity"), previous, actual)));
        }
      }
      measures.sort(
          Comparator.comparing(ReportedMeasure::name).thenComparing(ReportedMeasure::period));
      return measures;
    }
  }

  private List<ReportedDriver> driversWithoutActions(Connection connection, String council)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT ref, title, kind, timeframe FROM oversight.observed_driver"
                + " WHERE council = ? AND NOT removed AND action_count = 0")) {
      query.setString(1, council);
      List<ReportedDriver> drivers = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          drivers.add(
              new ReportedDriver(
                  rows.getString("ref"),
                  rows.getString("title"),
                  rows.getString("kind"),
                  rows.getString("timeframe")));
        }
      }
      drivers.sort(
          Comparator.comparing(ReportedDriver::ref, RefOrder.INSTANCE)
              .thenComparing(ReportedDriver::title));
      return drivers;
    }
  }

  private String councilName(Connection connection, String council) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT name FROM oversight.observed_council WHERE slug = ?")) {
      query.setString(1, council);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw ProblemException.notFound("Council " + council);
        }
        return rows.getString(1);
      }
    }
  }

  private List<ReportedAction> actions(Connection connection, String council, LocalDate asAt)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT a.ref, a.title, a.rag_status, a.due_date, a.completed_on, a.latest_note,"
                + " i.ref AS item_ref, i.title AS item_title"
                + " FROM oversight.observed_action a"
                + " LEFT JOIN oversight.observed_plan_item i ON i.council = a.council"
                + " AND i.item_id = a.plan_item_id AND NOT i.removed"
                + " WHERE a.council = ? AND a.withdrawn_on IS NULL")) {
      query.setString(1, council);
      List<ReportedAction> actions = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          LocalDate due = rows.getDate("due_date").toLocalDate();
          String rag = rows.getString("rag_status");
          boolean open = !rag.equals("BLUE") && rows.getDate("completed_on") == null;
          long daysOverdue = open && due.isBefore(asAt) ? ChronoUnit.DAYS.between(due, asAt) : 0;
          actions.add(
              new ReportedAction(
                  rows.getString("ref"),
                  rows.getString("title"),
                  rag,
                  due,
                  rows.getString("latest_note"),
                  daysOverdue,
                  itemOf(rows.getString("item_ref"), rows.getString("item_title"))));
        }
      }
      actions.sort(Comparator.comparing(ReportedAction::ref, RefOrder.INSTANCE));
      return actions;
    }
  }

  private static String itemOf(String ref, String title) {
    if (title == null) {
      return null;
    }
    return ref == null || ref.isBlank() ? title : ref + " " + title;
  }

  private List<RagChange> changesSince(
      Connection connection, String council, YearMonth period, List<ReportedAction> actions)
      throws SQLException {
    Optional<BoardReport> previous = Optional.empty();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT content FROM oversight.board_report WHERE council = ? AND period < ?"
                + " ORDER BY period DESC LIMIT 1")) {
      query.setString(1, council);
      query.setString(2, period.toString());
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          previous = Optional.of(read(rows.getString(1)));
        }
      }
    }
    Map<String, String> before = new HashMap<>();
    previous.ifPresent(p -> p.actions().forEach(a -> before.put(a.ref(), a.ragStatus())));
    List<RagChange> changes = new ArrayList<>();
    if (previous.isEmpty()) {
      return changes;
    }
    for (ReportedAction action : actions) {
      String was = before.get(action.ref());
      if (!action.ragStatus().equals(was)) {
        changes.add(new RagChange(action.ref(), action.title(), was, action.ragStatus()));
      }
    }
    return changes;
  }

  private Optional<BoardReport> find(Connection connection, String council, YearMonth period)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT content FROM oversight.board_report WHERE council = ? AND period = ?")) {
      query.setString(1, council);
      query.setString(2, period.toString());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(read(rows.getString(1))) : Optional.empty();
      }
    }
  }

  private String write(BoardReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BoardReport read(String content) {
    try {
      return json.readValue(content, BoardReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
