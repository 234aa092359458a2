package org.improvementhub.measures.measure;

import java.sql.SQLException;
import java.util.Optional;
import org.improvementhub.web.problem.ProblemException;
import org.improvementhub.web.problem.ProblemType;

/**
 * Turns a unique index refusing a row into the 409 the caller should see. Two requests that both
 * passed the existence check (two people adopting one library measure at the same moment) meet at
 * the index; the one that loses is told of the conflict, never given a 500.
 */
public final class UniqueNames {

  private static final String UNIQUE_VIOLATION = "23505";

  private UniqueNames() {}

  /** The 409 for {@code failure}, if a unique index of the measure table caused it. */
  public static Optional<ProblemException> conflictOf(RuntimeException failure, String name) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        String message = String.valueOf(sql.getMessage());
        String detail =
            message.contains("measure_library_code_unique")
                ? "The council has already adopted \"" + name + "\""
                : "A measure named \"" + name + "\" already exists";
        return Optional.of(ProblemException.of(ProblemType.CONFLICT, detail));
      }
    }
    return Optional.empty();
  }
}
