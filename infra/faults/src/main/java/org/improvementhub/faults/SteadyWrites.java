package org.improvementhub.faults;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.improvementhub.localstack.HubService;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * A steady stream of the writes councils make, each producing an event oversight projects: new
 * actions and progress reports (plans) and measure values (measures), one writer per council at
 * {@code pace}, kept up whatever the services answer. Every attempt is recorded with what it got
 * back, so that a run can count 2xx, 503 and 5xx answers and later look for every acknowledged
 * write.
 */
final class SteadyWrites {

  /** What a writer does. */
  enum Kind {
    NEW_ACTION,
    PROGRESS_REPORT,
    MEASURE_VALUE
  }

  /**
   * One write and its answer.
   *
   * @param status the HTTP status, or 0 when no answer came (refused, reset or timed out)
   * @param problem whether the answer was problem+json
   * @param record what was written, when it was acknowledged: the action's or report's id, or
   *     {@code <measure id>/<period>}
   */
  record Attempt(
      Kind kind,
      String council,
      long startedNanos,
      long answeredNanos,
      int status,
      boolean problem,
      String record) {

    boolean acknowledged() {
      return status >= 200 && status < 300;
    }
  }

  private static final int MEASURES = 2;

  private final FaultStack stack;
  private final Duration pace;
  private final List<Writer> writers = new ArrayList<>();
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);

  private SteadyWrites(FaultStack stack, Duration pace) {
    this.stack = stack;
    this.pace = pace;
  }

  /**
   * Sets up {@code councils} new councils, each with an action and {@value #MEASURES} measures to
   * report on, and starts writing to them.
   *
   * @param pace the time between two writes of one council
   */
  static SteadyWrites start(FaultStack stack, int councils, Duration pace) {
    SteadyWrites writes = new SteadyWrites(stack, pace);
    for (int i = 0; i < councils; i++) {
      writes.writers.add(writes.new Writer(FaultCouncil.create(stack)));
    }
    for (Writer writer : writes.writers) {
      writer.prepare();
    }
    for (Writer writer : writes.writers) {
      Thread thread = new Thread(writer, "steady-writes-" + writer.council.council());
      thread.setDaemon(true);
      writer.thread = thread;
      thread.start();
    }
    return writes;
  }

  /** Stops writing and waits for the writes under way to be answered. */
  List<Attempt> stop() {
    running.set(false);
    for (Writer writer : writers) {
      try {
        writer.thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(attempts);
  }

  List<FaultCouncil> councils() {
    return writers.stream().map(writer -> writer.council).toList();
  }

  /** Writes for one council: an action, a progress report, a measure value, and again. */
  private final class Writer implements Runnable {
    private final FaultCouncil council;
    private final List<String> actions = new ArrayList<>();
    private final List<String> measures = new ArrayList<>();
    private Thread thread;
    private int written;

    Writer(FaultCouncil council) {
      this.council = council;
    }

    void prepare() {
      HubApi measuresApi = stack.api(HubService.MEASURES);
      for (int i = 1; i <= MEASURES; i++) {
        ApiResponse created =
            FaultCouncil.expect(
                measuresApi.post(
                    "/councils/" + council.council() + "/measures",
                    council.manager(),
                    ("{\"name\":\"Assessments completed within 45 days %d\","
                            + "\"definition\":\"Single assessments completed within 45 working days\","
                            + "\"unit\":\"PERCENT\",\"polarity\":\"HIGHER_IS_BETTER\","
                            + "\"frequency\":\"MONTHLY\"}")
                        .formatted(i)),
                201);
        measures.add(created.json().path("id").asText());
      }
      Attempt first = newAction();
      if (!first.acknowledged()) {
        throw new IllegalStateException("The first action was not created: " + first);
      }
    }

    @Override
    public void run() {
      while (running.get()) {
        long began = System.nanoTime();
        switch (Kind.values()[written % Kind.values().length]) {
          case NEW_ACTION -> newAction();
          case PROGRESS_REPORT -> progressReport();
          case MEASURE_VALUE -> measureValue();
        }
        written++;
        long left = pace.toNanos() - (System.nanoTime() - began);
        if (left > 0) {
          Polling.pause(Duration.ofNanos(left));
        }
      }
    }

    private Attempt newAction() {
      int n = actions.size() + 1;
      Attempt attempt =
          send(
              Kind.NEW_ACTION,
              plans ->
                  plans.post(
                      "/councils/" + council.council() + "/actions",
                      council.manager(),
                      ("{\"ref\":\"9.%d.%d\",\"title\":\"Audit of return home interviews %d\","
                              + "\"lead\":{\"name\":\"Lead %d\",\"email\":\"lead-%d@%s.faults.test\"},"
                              + "\"dueDate\":\"%s\",\"ragStatus\":\"AMBER\"}")
                          .formatted(
                              written,
                              n,
                              n,
                              n % 5,
                              n % 5,
                              council.council(),
                              LocalDate.now().plusMonths(6))),
              HubService.PLANS,
              response -> response.json().path("id").asText());
      if (attempt.acknowledged()) {
        actions.add(attempt.record());
      }
      return attempt;
    }

    private void progressReport() {
      String action = actions.get(written % actions.size());
      send(
          Kind.PROGRESS_REPORT,
          plans ->
              plans.post(
                  "/councils/" + council.council() + "/actions/" + action + "/progress-reports",
                  council.manager(),
                  "{\"period\":\"%s\",\"ragStatus\":\"%s\",\"note\":\"Progress report %d\"}"
                      .formatted(YearMonth.now(), written % 2 == 0 ? "GREEN" : "AMBER", written)),
          HubService.PLANS,
          response -> response.json().path("id").asText());
    }

    private void measureValue() {
      String measure = measures.get(written % measures.size());
      // a new period each time (back from this month: future periods are refused), so that
      // each acknowledged value is a row of its own in measures and in oversight
      YearMonth period = YearMonth.now().minusMonths(written / MEASURES);
      send(
          Kind.MEASURE_VALUE,
          measuresApi ->
              measuresApi.put(
                  "/councils/" + council.council() + "/measures/" + measure + "/values/" + period,
                  council.manager(),
                  "{\"value\":%d.5}".formatted(40 + written % 50)),
          HubService.MEASURES,
          response -> measure + "/" + period);
    }

    private Attempt send(
        Kind kind,
        java.util.function.Function<HubApi, ApiResponse> call,
        HubService service,
        java.util.function.Function<ApiResponse, String> recordOf) {
      long started = System.nanoTime();
      Attempt attempt;
      try {
        ApiResponse response = call.apply(stack.api(service));
        boolean ok = response.status() >= 200 && response.status() < 300;
        attempt =
            new Attempt(
                kind,
                council.council(),
                started,
                System.nanoTime(),
                response.status(),
                response.isProblem(),
                ok ? recordOf.apply(response) : response.body());
      } catch (IllegalStateException noAnswer) {
        // HubApi's way of saying the connection was refused, reset or timed out
        attempt =
            new Attempt(
                kind,
                council.council(),
                started,
                System.nanoTime(),
                0,
                false,
                String.valueOf(noAnswer.getMessage()));
      }
      attempts.add(attempt);
      return attempt;
    }
  }
}
