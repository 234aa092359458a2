package org.improvementhub.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnreachableDatabaseTest {

  @Test
  void aConnectionTheRestartCutIsUnreachableHoweverDeeplyWrapped() {
    // what Micronaut Data threw when PostgreSQL was killed: Hikari's closed connection, 08003
    SQLException closed = new SQLException("Connection is closed", "08003");
    RuntimeException wrapped =
        new IllegalStateException(
            "Could not set JDBC Connection read-only", new RuntimeException(closed));
    assertThat(UnreachableDatabase.isCauseOf(wrapped)).isTrue();
  }

  @Test
  void aPooledConnectionTheCrashClosedIsUnreachableThoughHikariGivesNoState() {
    // the first writes after PostgreSQL was killed: a 500 before UnreachableDatabase knew it
    RuntimeException failure =
        new ConnectionException(
            "Could not set JDBC Connection read-only", new SQLException("Connection is closed"));
    assertThat(UnreachableDatabase.isCauseOf(failure)).isTrue();
    // its subclasses too (Micronaut's CannotGetJdbcConnectionException is one)
    assertThat(UnreachableDatabase.isCauseOf(new ConnectionException("Failed to obtain") {}))
        .isTrue();
  }

  @Test
  void aPoolThatWaitedInVainOrARefusedConnectionIsUnreachable() {
    assertThat(
            UnreachableDatabase.isCauseOf(
                new RuntimeException(
                    new SQLTransientConnectionException("Connection is not available"))))
        .isTrue();
    assertThat(UnreachableDatabase.isCauseOf(new RuntimeException(new ConnectException())))
        .isTrue();
    assertThat(UnreachableDatabase.isCauseOf(new SQLException("starting up", "57P03"))).isTrue();
  }

  @Test
  void aConstraintOrAProgrammingErrorIsNot() {
    assertThat(UnreachableDatabase.isCauseOf(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(UnreachableDatabase.isCauseOf(new SQLException("no state"))).isFalse();
    assertThat(UnreachableDatabase.isCauseOf(new IllegalArgumentException("bug"))).isFalse();
    assertThat(UnreachableDatabase.problem().status()).isEqualTo(503);
  }
}
