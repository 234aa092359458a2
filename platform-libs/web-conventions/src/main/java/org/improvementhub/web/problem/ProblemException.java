package org.improvementhub.web.problem;

import java.util.List;

/** Thrown by domain code to answer with a specific problem; handled by {@link ProblemHandlers}. */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public static ProblemException of(ProblemType type, String detail) {
    return new ProblemException(Problem.of(type, detail));
  }

  public static ProblemException invalidField(String field, String message) {
    return new ProblemException(
        Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
  }

  public static ProblemException notFound(String what) {
    return of(ProblemType.NOT_FOUND, what + " was not found");
  }

  public Problem problem() {
    return problem;
  }
}
