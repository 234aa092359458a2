package org.improvementhub.councilschemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the council's schema is set: once per transaction, always outside one. */
class CouncilSearchPathTest {

  /** Every schema the driver's connection was pointed at, in order. */
  private final List<String> set = new ArrayList<>();

  private boolean autoCommit = false;
  private Transaction current;
  private final Connection driver = connection(null);
  private final Connection pooled = connection(driver);
  private final CouncilSearchPath searchPath = new CouncilSearchPath(() -> new Transactions());

  @Test
  void aTransactionSetsTheSchemaOnceForAllItsQueries() {
    current = new Transaction(pooled);

    for (int query = 0; query < 5; query++) {
      searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    }

    assertThat(set).containsExactly("council_walsall");
  }

  @Test
  void theNextTransactionSetsItAgainEvenOnTheSameConnection() {
    // a rolled-back transaction undoes its SET SESSION: nothing may be remembered past it
    current = new Transaction(pooled);
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    current.completed = true;
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    current = new Transaction(pooled);
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");

    assertThat(set).containsExactly("council_walsall", "council_walsall", "council_walsall");
  }

  @Test
  void anotherCouncilInTheSameTransactionIsSetAtOnce() {
    current = new Transaction(pooled);
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_peterborough");
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");

    assertThat(set).containsExactly("council_walsall", "council_peterborough", "council_walsall");
  }

  @Test
  void outsideATransactionEveryQuerySetsIt() {
    autoCommit = true;
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");

    assertThat(set).hasSize(2);
  }

  @Test
  void aTransactionOnAnotherConnectionDoesNotCount() {
    current = new Transaction(connection(driver));
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");
    searchPath.useSchema(pooled, Dialect.POSTGRES, "council_walsall");

    assertThat(set).hasSize(2);
  }

  /** The driver's connection (delegate null) or a pool's proxy around it. */
  private Connection connection(Connection delegate) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAutoCommit" -> autoCommit;
                  case "unwrap" -> delegate == null ? proxy : delegate;
                  case "setSchema" -> {
                    if (delegate != null) {
                      throw new AssertionError("the pool's proxy would ask the schema back");
                    }
                    set.add((String) args[0]);
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private final class Transactions implements TransactionOperations<Connection> {
    @Override
    public Connection getConnection() {
      return current.connection;
    }

    @Override
    public boolean hasConnection() {
      return current != null;
    }

    @Override
    public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
      return Optional.ofNullable(current);
    }

    @Override
    public <R> R execute(
        TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
      throw new UnsupportedOperationException();
    }
  }

  private static final class Transaction implements TransactionStatus<Connection> {
    private final Connection connection;
    private boolean completed;

    Transaction(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Connection getConnection() {
      return connection;
    }

    @Override
    public Object getTransaction() {
      return this;
    }

    @Override
    public ConnectionStatus<Connection> getConnectionStatus() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isNewTransaction() {
      return true;
    }

    @Override
    public void setRollbackOnly() {}

    @Override
    public boolean isRollbackOnly() {
      return false;
    }

    @Override
    public boolean isCompleted() {
      return completed;
    }

    @Override
    public TransactionDefinition getTransactionDefinition() {
      return TransactionDefinition.DEFAULT;
    }
  }
}
