package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names every invalid field the way the caller wrote it ({@code lead.email}), rather than as
 * Micronaut's method path ({@code add.action.lead.email}).
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationsHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      errors.add(
          new Problem.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return ProblemResponses.of(request, Problem.invalid(detail, errors));
  }

  /**
   * Drops the method and parameter nodes of a controller argument's path; a path that names only
   * the parameter (a query value, a path variable) keeps the parameter's name.
   */
  static String fieldOf(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    if (nodes.size() <= 2) {
      return nodes.isEmpty()
          ? ""
          : nameOf(nodes.get(nodes.size() - 1)) + indexOf(nodes.get(nodes.size() - 1));
    }
    // A node inside a list carries the list's index ("email" of leads[1] has index 1), so the
    // index goes after the node before it: leads[1].email, not leads.email[1] (found by
    // PlansFuzzIT); a list's own element (evidenceLinks[0]) has no name of its own.
    StringBuilder field = new StringBuilder();
    for (Path.Node node : nodes.subList(2, nodes.size())) {
      field.append(indexOf(node));
      String name = nameOf(node);
      if (!name.isEmpty()) {
        field.append(field.isEmpty() ? "" : ".").append(name);
      }
    }
    return field.toString();
  }

  private static String nameOf(Path.Node node) {
    String name = node.getName();
    return name == null || name.startsWith("<") ? "" : name;
  }

  private static String indexOf(Path.Node node) {
    if (node.getIndex() != null) {
      return "[" + node.getIndex() + "]";
    }
    return node.getKey() != null ? "[" + node.getKey() + "]" : "";
  }
}
