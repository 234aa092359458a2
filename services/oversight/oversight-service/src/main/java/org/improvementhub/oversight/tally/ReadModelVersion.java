package org.improvementhub.oversight.tally;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The read model's version: moved in the same transaction as every change the dashboard shows, so a
 * reader that finds the version unchanged knows its prepared answer still holds.
 */
@Singleton
public class ReadModelVersion {

  private final TransactionOperations<Connection> transactions;

  public ReadModelVersion(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  /** Moves the version, inside the caller's transaction. */
  public void move(Connection connection) throws SQLException {
    try (Statement move = connection.createStatement()) {
      move.executeUpdate("UPDATE oversight.read_model_version SET version = version + 1");
    }
  }

  /** The version as committed now. */
  public long current() {
    return transactions.executeRead(
        status -> {
          try (Statement query = status.getConnection().createStatement();
              ResultSet row =
                  query.executeQuery("SELECT version FROM oversight.read_model_version")) {
            row.next();
            return row.getLong(1);
          }
        });
  }
}
