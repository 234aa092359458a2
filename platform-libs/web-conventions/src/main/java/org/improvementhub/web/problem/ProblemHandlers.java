package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exception handlers for the platform's own exceptions and for database constraint failures. */
public final class ProblemHandlers {

  private ProblemHandlers() {}

  /** Domain code's explicit problems. */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  public static class ProblemExceptionHandler
      implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
      return ProblemResponses.of(request, exception.problem());
    }
  }

  /**
   * A unique or foreign-key violation that slipped past validation is the caller's conflict, not
   * our failure; a database that cannot be reached is a 503 to retry; anything else from the
   * database is a 500 without its SQL.
   */
  @Singleton
  @Produces(Problem.MEDIA_TYPE)
  @Requires(classes = DataAccessException.class)
  public static class DataAccessExceptionHandler
      implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(DataAccessExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
      String state = sqlState(exception);
      if (exception instanceof OptimisticLockException
          || "40001".equals(state)
          || "40P01".equals(state)) {
        // Two writes to the same record at the same moment: the loser's change was not saved, and
        // sending it again after reading the record is all the caller needs to do.
        return ProblemResponses.of(
            request,
            ProblemType.CONFLICT,
            "The record was changed by another request at the same moment; nothing was saved."
                + " Read it again and retry.");
      }
      if ("23505".equals(state)) {
        return ProblemResponses.of(
            request, ProblemType.CONFLICT, "A record with the same identifying values exists");
      }
      if ("23503".equals(state)) {
        return ProblemResponses.of(
            request, ProblemType.CONFLICT, "The record refers to, or is referred to by, another");
      }
      if (UnreachableDatabase.isCauseOf(exception)) {
        LOG.warn(
            "Database unreachable on {} {}: {}",
            request.getMethodName(),
            request.getPath(),
            exception.getMessage());
        return ProblemResponses.of(request, UnreachableDatabase.problem())
            .header(HttpHeaders.RETRY_AFTER, UnreachableDatabase.RETRY_AFTER_SECONDS);
      }
      LOG.error("Database failure on {} {}", request.getMethodName(), request.getPath(), exception);
      return ProblemResponses.of(
          request, ProblemType.INTERNAL, "The error has been logged; please try again later.");
    }

    private static String sqlState(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
          return sql.getSQLState();
        }
      }
      return null;
    }
  }
}
