package org.improvementhub.tenancy.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a council's schema holds, read from PostgreSQL's catalogue rather than listed by hand: every
 * service's tables (not their Flyway histories), ordered so a table comes after those its foreign
 * keys point to, and each service's schema version.
 */
final class CouncilTables {

  private CouncilTables() {}

  /** The schema's tables, referenced tables first. */
  static List<String> inDependencyOrder(Connection connection, String schema) throws SQLException {
    Set<String> tables = new TreeSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND c.relname NOT LIKE 'flyway\\_history\\_%'")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
    }
    Map<String, Set<String>> references = new TreeMap<>();
    tables.forEach(table -> references.put(table, new TreeSet<>()));
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT child.relname, parent.relname FROM pg_constraint k"
                + " JOIN pg_class child ON child.oid = k.conrelid"
                + " JOIN pg_class parent ON parent.oid = k.confrelid"
                + " JOIN pg_namespace n ON n.oid = k.connamespace"
                + " WHERE k.contype = 'f' AND n.nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String child = rows.getString(1);
          String parent = rows.getString(2);
          if (!child.equals(parent) && tables.contains(child) && tables.contains(parent)) {
            references.get(child).add(parent);
          }
        }
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      int before = ordered.size();
      for (String table : tables) {
        if (!ordered.contains(table) && ordered.containsAll(references.get(table))) {
          ordered.add(table);
        }
      }
      if (ordered.size() == before) {
        // a cycle of foreign keys: the rest go last, loaded with constraints deferred
        ordered.addAll(tables);
      }
    }
    return new ArrayList<>(ordered);
  }

  /** Each service's applied version in the schema, by service name ({@code plans -> 4}). */
  static Map<String, String> versions(Connection connection, String schema) throws SQLException {
    List<String> histories = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name LIKE 'flyway\\_history\\_%' ORDER BY table_name")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          histories.add(rows.getString(1));
        }
      }
    }
    Map<String, String> versions = new LinkedHashMap<>();
    for (String history : histories) {
      try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT version FROM "
                      + schema
                      + "."
                      + history
                      + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                      + " LIMIT 1");
          ResultSet rows = query.executeQuery()) {
        versions.put(
            history.substring("flyway_history_".length()), rows.next() ? rows.getString(1) : "0");
      }
    }
    return versions;
  }

  /** Columns filled from a sequence (serial or identity), by table, to move on after a load. */
  static Map<String, List<String>> sequenceColumns(Connection connection, String schema)
      throws SQLException {
    Map<String, List<String>> columns = new TreeMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND (is_identity = 'YES'"
                + " OR column_default LIKE 'nextval(%')")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.computeIfAbsent(rows.getString(1), t -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return columns;
  }
}
