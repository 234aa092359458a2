package org.improvementhub.web.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

  // Micronaut's words for a missing argument: "Required argument [CompletedFileUpload file] not
  // specified", "Required Body [x] not specified"
  private static final Pattern MISSING_ARGUMENT =
      Pattern.compile("^Required [A-Za-z]+ \\[(?:[^\\]]* )?([A-Za-z0-9_.]+)\\] not specified");

  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Unknown property \\[([^\\]]+)\\]");

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    int status = response.code();
    ProblemType type = ProblemType.forStatus(status);
    String path = context.getRequest().getPath();
    Problem problem;
    if (status == 500
        && context.getRootCause().filter(UnreachableDatabase::isCauseOf).isPresent()) {
      // an unhandled failure to reach the database (a pool timeout, a connection the restart
      // cut): the request was fine and may be retried, so 503, whatever exception carried it
      return response
          .status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, UnreachableDatabase.RETRY_AFTER_SECONDS)
          .contentType(Problem.MEDIA_TYPE)
          .body(UnreachableDatabase.problem().at(path));
    }
    if (status == 500 && undecodableForm(context)) {
      return response
          .status(HttpStatus.BAD_REQUEST)
          .contentType(Problem.MEDIA_TYPE)
          .body(undecodableFormProblem(context).at(path));
    }
    if (status >= 500) {
      problem = Problem.of(type, "The error has been logged; please try again later.");
    } else if (status == 400) {
      problem = unreadableBody(context);
    } else {
      problem = Problem.of(type, detail(context, type));
    }
    return response.contentType(Problem.MEDIA_TYPE).body(problem.at(path));
  }

  /**
   * Whether Netty's multipart decoder gave up on the body: it throws while Micronaut reads the
   * form, which reached the caller as a 500 (a part without a Content-Disposition header, found by
   * {@code MeasuresFuzzIT}). Matched by name: this library does not depend on Netty.
   */
  private static boolean undecodableForm(ErrorContext context) {
    return causes(context).anyMatch(cause -> cause.getClass().getName().equals(UNDECODABLE_FORM));
  }

  private static final String UNDECODABLE_FORM =
      "io.netty.handler.codec.http.multipart.HttpPostRequestDecoder$ErrorDataDecoderException";

  private static Problem undecodableFormProblem(ErrorContext context) {
    boolean unnamedPart =
        causes(context)
            .anyMatch(cause -> String.valueOf(cause.getMessage()).contains("nameAttribute"));
    if (unnamedPart) {
      String reason = "every part of the form must start with one, naming the part";
      return Problem.invalid(
          "Content-Disposition: " + reason,
          List.of(new Problem.FieldError("Content-Disposition", reason)));
    }
    String reason = "is not a multipart form that can be read";
    return Problem.invalid("body: " + reason, List.of(new Problem.FieldError("body", reason)));
  }

  private static Problem unreadableBody(ErrorContext context) {
    List<String> messages = new ArrayList<>();
    context.getRootCause().map(Throwable::getMessage).ifPresent(messages::add);
    context.getErrors().forEach(error -> messages.add(error.getMessage()));
    Optional<Throwable> cause = context.getRootCause();
    Optional<SerdeException> serde = cause.flatMap(ProblemErrorResponseProcessor::serdeCause);
    for (String message : messages) {
      Matcher unknown = message == null ? null : UNKNOWN_PROPERTY.matcher(message);
      if (unknown != null && unknown.find()) {
        String field = within(serde, unknown.group(1));
        return Problem.invalid(
            field + ": is not a field of this request",
            List.of(new Problem.FieldError(field, "is not a field of this request")));
      }
    }
    if (serde.isPresent() && !serde.get().getPath().isEmpty()) {
      String field = jsonField(serde.get().getPath());
      String reason = "has the wrong type or format";
      return Problem.invalid(field + ": " + reason, List.of(new Problem.FieldError(field, reason)));
    }
    for (String message : messages) {
      Matcher missing = message == null ? null : MISSING_ARGUMENT.matcher(message);
      if (missing != null && missing.find()) {
        // a required part or parameter missing, e.g. a multipart upload without its file part
        // (found by PlansFuzzIT and MeasuresFuzzIT): name it, as any other missing field
        String field = missing.group(1);
        return Problem.invalid(
            field + ": is required", List.of(new Problem.FieldError(field, "is required")));
      }
      if (message != null && message.startsWith("More than 1 route matched")) {
        // routes told apart by the body's type, and a body that names none (PlansFuzzIT)
        String reason = "must name the body's type, one this address accepts";
        return Problem.invalid(
            "Content-Type: " + reason, List.of(new Problem.FieldError("Content-Type", reason)));
      }
    }
    if (cause.filter(ConversionErrorException.class::isInstance).isPresent()) {
      ConversionErrorException conversion = (ConversionErrorException) cause.get();
      boolean body = context.getRequest().getBody().isPresent();
      String reason =
          conversion.getConversionError().getCause() == null
              ? "could not be read"
              : cleanParserMessage(conversion.getConversionError().getCause().getMessage());
      // a multipart form's parts are bound one by one, so the argument names the part at fault
      // (a file part sent without a filename: MeasuresFuzzIT)
      boolean form =
          context
              .getRequest()
              .getContentType()
              .filter(t -> t.matches(MediaType.MULTIPART_FORM_DATA_TYPE))
              .isPresent();
      if (!body || form) {
        String field =
            form ? routeArgument(context, conversion) : conversion.getArgument().getName();
        return Problem.invalid(
            field + ": " + reason, List.of(new Problem.FieldError(field, reason)));
      }
      return Problem.of(
          ProblemType.MALFORMED_REQUEST, "The request body could not be read: " + reason);
    }
    String first =
        messages.isEmpty() || messages.get(0) == null ? firstMessage(context) : messages.get(0);
    return Problem.of(ProblemType.MALFORMED_REQUEST, cleanParserMessage(first.replace('\n', ' ')));
  }

  /**
   * The route's name for the part a conversion failed on ({@code file}): the conversion itself
   * names only the type it aimed at ({@code completedFileUpload}).
   */
  private static String routeArgument(ErrorContext context, ConversionErrorException conversion) {
    Class<?> target = conversion.getArgument().getType();
    return RouteAttributes.getRouteMatch(context.getRequest())
        .flatMap(
            match ->
                match.getRequiredArguments().stream()
                    .filter(argument -> argument.getType().equals(target))
                    .map(Argument::getName)
                    .findFirst())
        .orElse(conversion.getArgument().getName());
  }

  /**
   * An unknown field named where it is, {@code trigger.colour} rather than {@code colour}, when
   * serde says which object held it (found by {@code PlansFuzzIT}).
   */
  private static String within(Optional<SerdeException> serde, String name) {
    String where = serde.map(found -> jsonField(found.getPath())).orElse("");
    if (where.equals(name) || where.endsWith("." + name)) {
      return where;
    }
    return where.isEmpty() ? name : where + "." + name;
  }

  private static Optional<SerdeException> serdeCause(Throwable failure) {
    return causes(failure)
        .filter(SerdeException.class::isInstance)
        .map(SerdeException.class::cast)
        .findFirst();
  }

  /** The root cause Micronaut found, then each cause below it. */
  private static Stream<Throwable> causes(ErrorContext context) {
    return causes(context.getRootCause().orElse(null));
  }

  /** {@code failure}, then its cause, and so on to the end of the chain. */
  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }

  /**
   * Serde's path to the offending property, as the caller wrote it: {@code leads[0].email}. Serde
   * records the path innermost step first (its own {@code getPathAsString} reads it backwards), so
   * it is read from the end; read from the start, {@code roles[0]} came out as {@code [0].roles}
   * (found by {@code TenancyFuzzIT}).
   */
  static String jsonField(List<ReferencePath> path) {
    StringBuilder field = new StringBuilder();
    List<ReferencePath> outermostFirst = new ArrayList<>(path);
    Collections.reverse(outermostFirst);
    for (ReferencePath step : outermostFirst) {
      if (step instanceof CollectionItemReferencePath item) {
        field.append('[').append(item.index()).append(']');
      } else if (step instanceof MapItemReferencePath entry) {
        field.append('[').append(entry.key()).append(']');
      } else if (step instanceof PropertyReferencePath property) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(property.property().getName());
      }
    }
    return field.toString();
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
