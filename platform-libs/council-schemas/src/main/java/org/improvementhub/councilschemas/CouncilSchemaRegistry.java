package org.improvementhub.councilschemas;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.KnownCouncils;

/**
 * Which councils this service instance has brought up to date, and what it knows of each.
 *
 * <p>A council this instance migrated is answered from memory. Any other is looked up: a council
 * another replica migrated (its row is ready) or whose schema exists but is not migrated yet is
 * {@code NOT_READY} until this instance has checked it; one with no schema at all is {@code
 * UNKNOWN}.
 */
@Singleton
public class CouncilSchemaRegistry implements KnownCouncils {

  private final DataSource dataSource;
  private final String table;
  private final Set<CouncilSlug> ready = ConcurrentHashMap.newKeySet();
  private final Map<CouncilSlug, String> names = new ConcurrentHashMap<>();

  public CouncilSchemaRegistry(
      DataSource dataSource, DataSourceResolver resolver, ServiceSchema schema) {
    this.dataSource = resolver.resolve(dataSource);
    this.table = schema.table("council");
  }

  @Override
  public CouncilSchemaState stateOf(CouncilSlug council) {
    if (ready.contains(council)) {
      return CouncilSchemaState.READY;
    }
    return schemaExists(council) ? CouncilSchemaState.NOT_READY : CouncilSchemaState.UNKNOWN;
  }

  /** The council's name as announced by tenancy, if this service has heard it. */
  public Optional<String> nameOf(CouncilSlug council) {
    String name = names.get(council);
    if (name != null) {
      return Optional.of(name);
    }
    return query(
            "SELECT name FROM " + table + " WHERE slug = ?",
            statement -> statement.setString(1, council.value()))
        .stream()
        .findFirst()
        .filter(n -> n != null);
  }

  /** Records that this instance has migrated the council's schema to {@code version}. */
  public void markReady(
      CouncilSlug council, @Nullable String name, @Nullable Integer laCode, String version) {
    update(
        "INSERT INTO "
            + table
            + " (slug, name, la_code, schema_version, ready_at) VALUES (?, ?, ?, ?, now())"
            + " ON CONFLICT (slug) DO UPDATE SET name = COALESCE(EXCLUDED.name, "
            + table
            + ".name), la_code = COALESCE(EXCLUDED.la_code, "
            + table
            + ".la_code), schema_version = EXCLUDED.schema_version, ready_at = now()",
        statement -> {
          statement.setString(1, council.value());
          statement.setString(2, name);
          if (laCode == null) {
            statement.setNull(3, java.sql.Types.INTEGER);
          } else {
            statement.setInt(3, laCode);
          }
          statement.setString(4, version);
        });
    if (name != null) {
      names.put(council, name);
    }
    ready.add(council);
  }

  /**
   * Records, in one batch, that each council's schema was found at its version with nothing to
   * migrate (names and LA codes already recorded are kept).
   */
  public void markAllReady(Map<CouncilSlug, String> versions) {
    if (versions.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO "
                    + table
                    + " (slug, schema_version, ready_at) VALUES (?, ?, now())"
                    + " ON CONFLICT (slug) DO UPDATE SET schema_version = EXCLUDED.schema_version,"
                    + " ready_at = now()")) {
      // in slug order, so that two replicas starting together lock the rows in the same order
      for (Map.Entry<CouncilSlug, String> council :
          versions.entrySet().stream()
              .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(CouncilSlug::value)))
              .toList()) {
        statement.setString(1, council.getKey().value());
        statement.setString(2, council.getValue());
        statement.addBatch();
      }
      statement.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Council registry could not be written", e);
    }
    ready.addAll(versions.keySet());
  }

  /**
   * Every council this service should serve: those it has recorded and every council schema in the
   * database (a schema created while this service was away is still served).
   */
  public List<CouncilSlug> knownCouncils() {
    Set<CouncilSlug> known =
        new java.util.TreeSet<>(java.util.Comparator.comparing(CouncilSlug::value));
    query("SELECT slug FROM " + table, statement -> {}).stream()
        .map(CouncilSlug::parse)
        .flatMap(Optional::stream)
        .forEach(known::add);
    query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'council\\_%'", statement -> {})
        .stream()
        .map(CouncilSlug::fromSchemaName)
        .flatMap(Optional::stream)
        .forEach(known::add);
    return List.copyOf(known);
  }

  private boolean schemaExists(CouncilSlug council) {
    return !query(
            "SELECT 1 FROM pg_namespace WHERE nspname = ?",
            statement -> statement.setString(1, council.schemaName()))
        .isEmpty();
  }

  private List<String> query(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("Council registry could not be read", e);
    }
  }

  private void update(String sql, Binder binder) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Council registry could not be written", e);
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }
}
