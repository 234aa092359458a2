package org.improvementhub.tenancy.council;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Creates a council's schema in the caller's transaction (PostgreSQL DDL is transactional, so a
 * failed provisioning leaves no schema behind). Only {@link CouncilSlug#schemaName()}, built from a
 * validated slug, ever reaches the SQL.
 */
@Singleton
public class CouncilSchemas {

  private static final String DUPLICATE_SCHEMA = "42P06";

  private final TransactionOperations<Connection> transactions;

  public CouncilSchemas(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /**
   * Creates the council's empty schema; every service then migrates its own tables into it.
   *
   * @throws ProblemException (409) if a schema of that name exists already
   */
  public void create(CouncilSlug council) {
    Connection connection = transactions.getConnection();
    try {
      if (exists(connection, council)) {
        throw schemaTaken(council);
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + council.schemaName());
      }
    } catch (SQLException e) {
      if (DUPLICATE_SCHEMA.equals(e.getSQLState())) {
        throw schemaTaken(council);
      }
      throw new IllegalStateException("Schema for council " + council + " was not created", e);
    }
  }

  private static boolean exists(Connection connection, CouncilSlug council) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, council.schemaName());
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static ProblemException schemaTaken(CouncilSlug council) {
    return ProblemException.of(
        ProblemType.CONFLICT, "The schema for council '" + council + "' exists already");
  }
}
