package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error Micronaut itself produces (unknown route, wrong method, unreadable body,
 * constraint violations, oversize body, unhandled exceptions) as problem+json.
 *
 * <p>Server-side failures never echo the exception's message: it may hold SQL, class names or
 * personal data. Client errors keep Micronaut's message, cleaned of Java type names.
 */
@Singleton
@Primary
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Unknown property \\[([^\\]]+)\\]");

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    ProblemType type = ProblemType.forStatus(status);
    String path = context.getRequest().getPath();
    Problem problem;
    if (status >= 500) {
      problem = Problem.of(type, "The error has been logged; please try again later.");
    } else if (status == 400 && context.hasErrors() && hasFieldPaths(context)) {
      List<Problem.FieldError> errors = fieldErrors(context);
      problem = Problem.invalid(summary(errors), errors);
    } else if (status == 400) {
      problem = unreadableBody(context);
    } else {
      problem = Problem.of(type, detail(context, type));
    }
    return response.contentType(Problem.MEDIA_TYPE).body(problem.at(path));
  }

  private static boolean hasFieldPaths(ErrorContext context) {
    return context.getErrors().stream().anyMatch(error -> error.getPath().isPresent());
  }

  private static List<Problem.FieldError> fieldErrors(ErrorContext context) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Error error : context.getErrors()) {
      String field = error.getPath().map(ProblemErrorResponseProcessor::fieldName).orElse("");
      errors.add(new Problem.FieldError(field, stripPath(error.getMessage())));
    }
    return errors;
  }

  /**
   * Micronaut names a violation by the method and parameter ({@code create.command.title}); the
   * caller knows only the body's fields ({@code title}).
   */
  static String fieldName(String violationPath) {
    String[] parts = violationPath.split("\\.", 3);
    return parts.length == 3 ? parts[2] : parts[parts.length - 1];
  }

  private static String stripPath(String message) {
    int colon = message.indexOf(": ");
    return colon > 0 && !message.substring(0, colon).contains(" ")
        ? message.substring(colon + 2)
        : message;
  }

  private static String summary(List<Problem.FieldError> errors) {
    return errors.size() == 1
        ? errors.get(0).field() + ": " + errors.get(0).message()
        : errors.size() + " fields are invalid";
  }

  private static Problem unreadableBody(ErrorContext context) {
    Optional<Throwable> cause = context.getRootCause();
    String message =
        cause.map(Throwable::getMessage).orElseGet(() -> firstMessage(context)).replace('\n', ' ');
    Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
    if (unknown.find()) {
      String field = unknown.group(1);
      return Problem.invalid(
          field + ": is not a field of this request",
          List.of(new Problem.FieldError(field, "is not a field of this request")));
    }
    if (cause.filter(ConversionErrorException.class::isInstance).isPresent()) {
      ConversionErrorException conversion = (ConversionErrorException) cause.get();
      String field = conversion.getArgument().getName();
      return Problem.invalid(
          field + ": could not be read",
          List.of(new Problem.FieldError(field, "could not be read")));
    }
    return Problem.of(ProblemType.MALFORMED_REQUEST, cleanParserMessage(message));
  }

  private static String firstMessage(ErrorContext context) {
    return context.getErrors().isEmpty()
        ? "The request could not be read"
        : context.getErrors().get(0).getMessage();
  }

  /** Keeps what a caller can act on (what and where) and drops Java internals. */
  static String cleanParserMessage(String message) {
    String cleaned = message.replaceAll("(?:[a-z_$][a-z0-9_$]*\\.)+[A-Z][A-Za-z0-9_$]*", "value");
    int source = cleaned.indexOf(" at [Source");
    if (source > 0) {
      cleaned = cleaned.substring(0, source);
    }
    if (cleaned.length() > 300) {
      cleaned = cleaned.substring(0, 300) + "…";
    }
    return cleaned.isBlank() ? "The request body could not be read" : cleaned;
  }

  private static String detail(ErrorContext context, ProblemType type) {
    if (type == ProblemType.NOT_FOUND) {
      return "There is nothing at " + context.getRequest().getPath();
    }
    if (type == ProblemType.METHOD_NOT_ALLOWED) {
      return context.getRequest().getMethodName() + " is not allowed here";
    }
    if (type == ProblemType.UNAUTHENTICATED) {
      return "A valid bearer token is required";
    }
    return context.getErrors().isEmpty()
        ? type.title()
        : cleanParserMessage(context.getErrors().get(0).getMessage());
  }
}
