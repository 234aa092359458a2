package org.improvementhub.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every log line names the council of the unit of work that wrote it, under load: requests for two
 * councils interleaved on a blocking pool of two threads, each line written in the request, inside
 * a council binding ({@link CouncilContext}, which opens a propagated-context scope as Micronaut
 * Data's transactions do), inside a unit of work for another council started by the request ({@link
 * LogContext}, as an overdue scan or an inbox does), and in an exception handler after a failure.
 * Each line says which council it is about; the test compares that with the line's {@code council}.
 *
 * <p>It failed before {@link LogContext} kept its values in the propagated context: a council
 * binding opened inside another council's unit of work put the request's council back into the
 * logging context, so the unit's lines named the request's council (or none).
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.executors.io.type", value = "fixed")
@Property(name = "micronaut.executors.io.n-threads", value = "2")
@Property(name = "hub.test.council-log-lines", value = "true")
class CouncilLogLinesTest {

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(CouncilLogLinesTest.class);
  private static final Pattern ABOUT = Pattern.compile("about ([a-z0-9-]+)");

  @Inject
  @Client("/")
  HttpClient client;

  private final LinesSeen lines = new LinesSeen();

  @BeforeEach
  void listen() {
    lines.start();
    Logger logger = (Logger) LoggerFactory.getLogger(CouncilLogLinesTest.class);
    logger.addAppender(lines);
    // the 360 lines are read here, not printed into the build's output
    logger.setAdditive(false);
  }

  @AfterEach
  void stopListening() {
    Logger logger = (Logger) LoggerFactory.getLogger(CouncilLogLinesTest.class);
    logger.detachAppender(lines);
    logger.setAdditive(true);
  }

  @Test
  void interleavedRequestsForTwoCouncilsEachLogOnlyTheirOwnCouncil() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String council = i % 2 == 0 ? "walsall" : "peterborough";
        String other = i % 2 == 0 ? "nottinghamshire" : "west-sussex";
        boolean fail = i % 3 == 0;
        calls.add(callers.submit(() -> call(council, other, fail)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      callers.shutdownNow();
    }

    List<String> wrong = new ArrayList<>();
    for (String[] line : lines.seen) {
      Matcher about = ABOUT.matcher(line[0]);
      if (!about.find() || !about.group(1).equals(line[1])) {
        wrong.add(line[0] + " [council=" + line[1] + ", thread " + line[2] + "]");
      }
    }
    assertThat(lines.seen).as("lines written").hasSizeGreaterThanOrEqualTo(60 * 6);
    assertThat(wrong).as("lines naming another council than their own").isEmpty();
  }

  private void call(String council, String other, boolean fail) {
    try {
      client
          .toBlocking()
          .exchange(
              HttpRequest.POST("/councils/" + council + "/steps/" + other + "?fail=" + fail, ""));
    } catch (HttpClientResponseException refused) {
      assertThat(refused.getStatus().getCode()).as(refused.getMessage()).isEqualTo(409);
    }
  }

  /** Each line's message, the council in its logging context, and its thread. */
  static final class LinesSeen extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String[]> seen = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      // read on the logging thread: the event reads the MDC lazily
      Map<String, String> mdc = event.getMDCPropertyMap();
      seen.add(
          new String[] {
            event.getFormattedMessage(), mdc.get(LogContext.COUNCIL), event.getThreadName()
          });
    }
  }

  /** A request's work, as the services do it. */
  @Controller
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Requires(property = "hub.test.council-log-lines")
  static class StepsController {

    @Post("/councils/{council}/steps/{other}")
    String steps(
        @PathVariable String council, @PathVariable String other, @QueryValue boolean fail) {
      LOG.info("request step about {}", council);
      CouncilContext.run(
          CouncilSlug.of(council), () -> LOG.info("bound to the council, about {}", council));
      // a unit of work for another council, started by this request (an overdue scan, an inbox)
      LogContext.run(
          Map.of(LogContext.COUNCIL, other),
          () -> {
            LOG.info("another unit of work about {}", other);
            CouncilContext.run(
                CouncilSlug.of(other), () -> LOG.info("that unit bound to it, about {}", other));
            LOG.info("that unit after its binding, about {}", other);
          });
      LOG.info("request after the other unit, about {}", council);
      if (fail) {
        throw new StepFailed(council);
      }
      return "done";
    }
  }

  static final class StepFailed extends RuntimeException {
    final String council;

    StepFailed(String council) {
      super("failed", null, false, false);
      this.council = council;
    }
  }

  /** Logs a failure as the services' handlers do (web-conventions' database failure). */
  @Singleton
  @Requires(property = "hub.test.council-log-lines")
  static class StepFailedHandler implements ExceptionHandler<StepFailed, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, StepFailed failure) {
      LOG.warn("handler: {} failed, about {}", request.getPath(), failure.council);
      return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT);
    }
  }
}
