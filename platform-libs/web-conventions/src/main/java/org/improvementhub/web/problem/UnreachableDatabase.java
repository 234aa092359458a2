package org.improvementhub.web.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached (down, restarting, its connections cut,
 * the pool waiting in vain for one) rather than that the request was wrong or the code is. Such a
 * failure is a 503 the caller may retry, not a 500: nothing is wrong with the request and the
 * service will answer again once the database is back. The fault harness ({@code infra/faults})
 * kills PostgreSQL under load and found these answered 500 before.
 */
public final class UnreachableDatabase {

  /** Seconds a client is asked to wait before trying again: about a database restart. */
  public static final String RETRY_AFTER_SECONDS = "5";

  // 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up)
  private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

  private static final String CONNECTION_EXCEPTION =
      "io.micronaut.data.connection.exceptions.ConnectionException";

  private UnreachableDatabase() {}

  /** Whether {@code failure} or any of its causes says the database could not be reached. */
  public static boolean isCauseOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // class 08: connection exception (refused, broken, closed)
        if (state.startsWith("08") || SHUTTING_DOWN.contains(state)) {
          return true;
        }
      }
      if (isConnectionException(cause.getClass())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Micronaut Data's failure to get or prepare a connection ({@code
   * CannotGetJdbcConnectionException} and its other subclasses). Seen in the harness: a pooled
   * connection the crash had closed fails as "Could not set JDBC Connection read-only", caused by
   * Hikari's "Connection is closed", which carries no SQLState. Matched by name: the portal has no
   * Micronaut Data on its classpath.
   */
  private static boolean isConnectionException(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(CONNECTION_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }

  /** The problem a caller gets while the database cannot be reached. */
  public static Problem problem() {
    return Problem.of(
        ProblemType.UNAVAILABLE,
        "The service cannot reach its database just now; please try again in a few seconds.");
  }
}
