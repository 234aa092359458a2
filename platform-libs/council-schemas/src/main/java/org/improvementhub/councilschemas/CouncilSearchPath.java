package org.improvementhub.councilschemas;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.operations.JdbcSchemaHandler;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Points a connection at the council's schema once per transaction, not once per query.
 *
 * <p>Micronaut Data switches the schema before every repository operation. Through Hikari that is
 * two round trips to PostgreSQL each time ({@code SET SESSION search_path}, then {@code SELECT
 * current_schema()}, which Hikari asks to track the connection's state), so a transaction of five
 * queries made fifteen. Under the soak's load, connections spent most of their time in a
 * transaction waiting on those round trips, the pool ran dry and every service that reads plans
 * stopped answering. Here the schema is set on the physical connection (one round trip) the first
 * time a transaction needs it, and not again in that transaction.
 *
 * <p>Why per transaction and never longer: a {@code SET SESSION} inside a transaction that is
 * rolled back is undone by PostgreSQL, so a schema remembered past the end of its transaction could
 * send the next transaction on the same connection to another council's tables. Outside a
 * transaction nothing is remembered. Hikari never resets the schema of a returned connection (no
 * pool schema is configured), so it keeps no state this skips.
 */
@Singleton
@Replaces(JdbcSchemaHandler.class)
public class CouncilSearchPath implements JdbcSchemaHandler {

  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The schema a transaction's connection was pointed at, and the connection it was. */
  private record SetFor(Connection connection, String schema) {}

  private final BeanProvider<TransactionOperations<Connection>> transactions;

  /** Weak keys: compared by identity and gone with their transaction. */
  private final Cache<TransactionStatus<?>, SetFor> setInTransaction =
      Caffeine.newBuilder().weakKeys().build();

  public CouncilSearchPath(BeanProvider<TransactionOperations<Connection>> transactions) {
    this.transactions = transactions;
  }

  @Override
  public void useSchema(Connection connection, Dialect dialect, String schema) {
    try {
      TransactionStatus<?> transaction = currentTransaction(connection);
      if (transaction != null) {
        SetFor set = setInTransaction.getIfPresent(transaction);
        if (set != null && set.connection() == connection && set.schema().equals(schema)) {
          return;
        }
      }
      // the driver's own connection: Hikari's proxy would ask PostgreSQL for the schema back
      connection.unwrap(Connection.class).setSchema(schema);
      if (transaction != null) {
        setInTransaction.put(transaction, new SetFor(connection, schema));
      }
    } catch (SQLException e) {
      throw new DataAccessException(
          "Failed to set the schema " + schema + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void createSchema(Connection connection, Dialect dialect, String schema) {
    // council schemas are created by tenancy's provisioning; this is only for schema generation
    if (!SCHEMA_NAME.matcher(schema).matches()) {
      throw new DataAccessException("Not a schema name: " + schema);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new DataAccessException("Failed to create the schema " + schema, e);
    }
  }

  /** The transaction this connection is in, if it is in one (autocommit is not). */
  private TransactionStatus<?> currentTransaction(Connection connection) throws SQLException {
    if (connection.getAutoCommit()) {
      return null;
    }
    TransactionStatus<?> status = transactions.get().findTransactionStatus().orElse(null);
    if (status == null || status.isCompleted() || status.getConnection() != connection) {
      return null;
    }
    return status;
  }
}
