package org.improvementhub.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.improvementhub.faults.SteadyWrites.Attempt;
import org.improvementhub.faults.SteadyWrites.Kind;
import org.improvementhub.testsupport.infra.PostgresEndpoint;

/**
 * What the services hold after a run, read from their tables: plans' and measures' own records of
 * the councils written to (the source) and oversight's read model of them (fed only by their
 * events). A write acknowledged but absent from the source is a lost write; a source record absent
 * from oversight, or a latest progress note oversight does not show, is a lost event.
 */
final class WrittenRecords {

  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,40}$");

  /**
   * One council's comparison.
   *
   * @param actions actions in plans / in oversight
   * @param values measure values in measures / in oversight
   * @param notesBehind actions whose latest progress note oversight does not show
   * @param acknowledgedMissing acknowledged writes the source does not hold
   * @param notesBehindDetail for each action behind, what oversight shows and what plans holds
   */
  record Council(
      String council,
      int actions,
      int actionsObserved,
      int values,
      int valuesObserved,
      int notesBehind,
      int acknowledgedMissing,
      String notesBehindDetail) {

    /** Source records oversight has not got, as a count of events lost. */
    int eventsLost() {
      return (actions - actionsObserved) + (values - valuesObserved) + notesBehind;
    }
  }

  private final PostgresEndpoint database;

  WrittenRecords(PostgresEndpoint database) {
    this.database = database;
  }

  List<Council> compare(List<FaultCouncil> councils, List<Attempt> attempts) {
    List<Council> result = new ArrayList<>();
    try (Connection connection =
        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      for (FaultCouncil council : councils) {
        result.add(compare(connection, council.council(), attempts));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the services' tables", e);
    }
    return result;
  }

  private static Council compare(Connection connection, String council, List<Attempt> attempts)
      throws SQLException {
    if (!SLUG.matcher(council).matches()) {
      throw new IllegalArgumentException("Not a council slug: " + council);
    }
    String schema = "council_" + council.replace('-', '_');
    Set<String> actions =
        strings(connection, "SELECT id::text FROM " + schema + ".improvement_action");
    Set<String> reports =
        strings(connection, "SELECT id::text FROM " + schema + ".action_progress_report");
    Set<String> values =
        strings(
            connection,
            "SELECT measure_id::text || '/' || to_char(period, 'YYYY-MM') FROM "
                + schema
                + ".measure_value");
    Set<String> actionsObserved =
        strings(
            connection,
            "SELECT action_id::text FROM oversight.observed_action WHERE council = ?",
            council);
    Set<String> valuesObserved =
        strings(
            connection,
            "SELECT measure_id::text || '/' || period FROM oversight.observed_measure_value"
                + " WHERE council = ?",
            council);
    Map<String, String> latestNotes =
        pairs(
            connection,
            "SELECT DISTINCT ON (action_id) action_id::text, note FROM "
                + schema
                + ".action_progress_report ORDER BY action_id, reported_at DESC");
    Map<String, String> observedNotes =
        pairs(
            connection,
            "SELECT action_id::text, latest_note FROM oversight.observed_action WHERE council = ?",
            council);
    int notesBehind = 0;
    StringBuilder behind = new StringBuilder();
    for (Map.Entry<String, String> latest : latestNotes.entrySet()) {
      if (!Objects.equals(latest.getValue(), observedNotes.get(latest.getKey()))) {
        notesBehind++;
        behind
            .append(" action ")
            .append(latest.getKey())
            .append(": oversight shows '")
            .append(observedNotes.get(latest.getKey()))
            .append("', plans has ")
            .append(
                pairs(
                        connection,
                        "SELECT id::text, note || ' at ' || reported_at FROM "
                            + schema
                            + ".action_progress_report WHERE action_id = ?::uuid",
                        latest.getKey())
                    .values());
      }
    }
    int missing = 0;
    for (Attempt attempt : attempts) {
      if (attempt.council().equals(council) && attempt.acknowledged()) {
        Set<String> source =
            attempt.kind() == Kind.NEW_ACTION
                ? actions
                : attempt.kind() == Kind.PROGRESS_REPORT ? reports : values;
        if (!source.contains(attempt.record())) {
          missing++;
        }
      }
    }
    Set<String> observedOfSource = new HashSet<>(actionsObserved);
    observedOfSource.retainAll(actions);
    Set<String> valuesOfSource = new HashSet<>(valuesObserved);
    valuesOfSource.retainAll(values);
    return new Council(
        council,
        actions.size(),
        observedOfSource.size(),
        values.size(),
        valuesOfSource.size(),
        notesBehind,
        missing,
        behind.toString());
  }

  private static Set<String> strings(Connection connection, String sql, String... parameters)
      throws SQLException {
    Set<String> found = new HashSet<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private static Map<String, String> pairs(Connection connection, String sql, String... parameters)
      throws SQLException {
    Map<String, String> found = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          found.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return found;
  }
}
