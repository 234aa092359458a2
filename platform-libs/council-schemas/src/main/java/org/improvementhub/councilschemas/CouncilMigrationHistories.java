package org.improvementhub.councilschemas;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.MigrationScripts.Applied;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * What this service's history table says was applied in each council schema, for many councils in a
 * few statements: one to find the schemas that have the table, then one {@code UNION ALL} per
 * {@value #COUNCILS_PER_QUERY} councils. Reading them one Flyway at a time cost a class-path scan,
 * a lock and several queries per council, which grew with the number of councils times the number
 * of migrations.
 */
final class CouncilMigrationHistories {

  /** Keeps each statement a size PostgreSQL plans quickly, whatever the number of councils. */
  private static final int COUNCILS_PER_QUERY = 200;

  private final DataSource dataSource;
  private final String historyTable;

  CouncilMigrationHistories(DataSource dataSource, String historyTable) {
    this.dataSource = dataSource;
    this.historyTable = historyTable;
  }

  /**
   * Each council's applied rows; a council whose schema has no history table yet is absent.
   *
   * @throws SQLException when the database cannot be read
   */
  Map<CouncilSlug, List<Applied>> of(List<CouncilSlug> councils) throws SQLException {
    Map<String, CouncilSlug> bySchema =
        councils.stream()
            .collect(Collectors.toMap(CouncilSlug::schemaName, c -> c, (a, b) -> a, HashMap::new));
    Map<CouncilSlug, List<Applied>> histories = new HashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      List<CouncilSlug> withHistory = new ArrayList<>();
      for (String schema : schemasWithHistory(connection)) {
        CouncilSlug council = bySchema.get(schema);
        if (council != null) {
          withHistory.add(council);
        }
      }
      for (int from = 0; from < withHistory.size(); from += COUNCILS_PER_QUERY) {
        List<CouncilSlug> some =
            withHistory.subList(from, Math.min(withHistory.size(), from + COUNCILS_PER_QUERY));
        read(connection, some, bySchema, histories);
      }
    }
    return histories;
  }

  private Set<String> schemasWithHistory(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relname = ? AND c.relkind IN ('r', 'p')"
                + " AND n.nspname LIKE 'council\\_%'")) {
      statement.setString(1, historyTable);
      Set<String> schemas = new java.util.HashSet<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          schemas.add(rows.getString(1));
        }
      }
      return schemas;
    }
  }

  private void read(
      Connection connection,
      List<CouncilSlug> councils,
      Map<String, CouncilSlug> bySchema,
      Map<CouncilSlug, List<Applied>> histories)
      throws SQLException {
    // schema names come from CouncilSlug (validated against the slug rule) and the table name from
    // the validated service name: nothing else reaches this SQL
    String sql =
        councils.stream()
            .map(
                council ->
                    "SELECT '"
                        + council.schemaName()
                        + "' AS council_schema, version, description, checksum, type, success FROM "
                        + council.schemaName()
                        + "."
                        + historyTable)
            .collect(Collectors.joining(" UNION ALL "));
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        Integer checksum = rows.getObject("checksum", Integer.class);
        histories
            .computeIfAbsent(bySchema.get(rows.getString("council_schema")), c -> new ArrayList<>())
            .add(
                new Applied(
                    rows.getString("version"),
                    rows.getString("description"),
                    checksum,
                    rows.getString("type"),
                    rows.getBoolean("success")));
      }
    }
    for (CouncilSlug council : councils) {
      histories.putIfAbsent(council, new ArrayList<>());
    }
  }
}
