package org.improvementhub.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.improvementhub.faults.ReadinessWatch.Course;
import org.improvementhub.faults.SteadyWrites.Attempt;
import org.improvementhub.localstack.ServiceProcess;

/**
 * One outage of a piece of infrastructure every service depends on (the Kafka broker, PostgreSQL)
 * under a steady stream of writes: the writes start, the infrastructure is taken away for {@code
 * outage}, brought back, and the writes go on a little longer. Nothing of the services is touched:
 * each must notice and recover by itself. The run then waits for every service to be ready, the
 * outboxes to drain and oversight's read model to catch up, and counts what it found.
 */
final class OutageRun {

  /** Infrastructure the harness can take away and bring back. */
  interface Fault {
    String name();

    void takeAway();

    void bringBack();
  }

  static Fault brokerStop(FaultStack stack) {
    return new Fault() {
      @Override
      public String name() {
        return "kafka broker stopped";
      }

      @Override
      public void takeAway() {
        stack.broker().stop();
      }

      @Override
      public void bringBack() {
        stack.broker().startAgain();
      }
    };
  }

  static Fault databaseCrash(FaultStack stack) {
    return new Fault() {
      @Override
      public String name() {
        return "postgresql killed (SIGKILL)";
      }

      @Override
      public void takeAway() {
        stack.postgres().crash();
      }

      @Override
      public void bringBack() {
        stack.postgres().start();
      }
    };
  }

  private static final int COUNCILS = 2;
  private static final Duration PACE = Duration.ofMillis(100);
  private static final Duration BEFORE = Duration.ofSeconds(2);
  private static final Duration AFTER = Duration.ofSeconds(3);
  private static final Duration RECOVERY = Duration.ofSeconds(120);
  private static final Duration CATCH_UP = Duration.ofSeconds(90);

  private final FaultStack stack;
  private final Fault fault;
  private final Duration outage;

  OutageRun(FaultStack stack, Fault fault, Duration outage) {
    this.stack = stack;
    this.fault = fault;
    this.outage = outage;
  }

  /**
   * What a run found.
   *
   * @param outage from the moment the infrastructure was taken away to the moment it answered again
   * @param during the writes begun while it was away
   * @param all every write of the run
   * @param readiness per service: when it went red after the fault began and green after it ended
   * @param councils the source and read model compared, per council
   * @param outboxLeft events not published once the run had waited for them
   */
  record Result(
      String fault,
      Duration outage,
      Answers during,
      Answers all,
      Map<String, Recovery> readiness,
      List<WrittenRecords.Council> councils,
      long outboxLeft) {

    int eventsLost() {
      return councils.stream().mapToInt(WrittenRecords.Council::eventsLost).sum();
    }

    int acknowledgedMissing() {
      return councils.stream().mapToInt(WrittenRecords.Council::acknowledgedMissing).sum();
    }

    boolean everyServiceWentRedAndGreen() {
      return readiness.values().stream().allMatch(r -> r.red() != null && r.green() != null);
    }
  }

  /**
   * One service's readiness: how long after the fault began it went red, and how long after the
   * infrastructure was back it went green; null when it did not.
   */
  record Recovery(Duration red, Duration green) {}

  /**
   * The answers to a set of writes.
   *
   * @param slowest the longest a write waited for its answer
   */
  record Answers(
      int writes,
      int acknowledged,
      int unavailable,
      int otherClientErrors,
      int serverErrors,
      int notProblemJson,
      int noAnswer,
      Duration slowest) {

    static Answers of(List<Attempt> attempts) {
      int ok = 0;
      int unavailable = 0;
      int client = 0;
      int server = 0;
      int plain = 0;
      int none = 0;
      long slowest = 0;
      for (Attempt attempt : attempts) {
        int status = attempt.status();
        if (attempt.acknowledged()) {
          ok++;
        } else if (status == 503) {
          unavailable++;
        } else if (status >= 500) {
          server++;
        } else if (status == 0) {
          none++;
        } else {
          client++;
        }
        if (status >= 400 && !attempt.problem()) {
          plain++;
        }
        slowest = Math.max(slowest, attempt.answeredNanos() - attempt.startedNanos());
      }
      return new Answers(
          attempts.size(), ok, unavailable, client, server, plain, none, Duration.ofNanos(slowest));
    }
  }

  Result run() {
    SteadyWrites writes = SteadyWrites.start(stack, COUNCILS, PACE);
    Polling.pause(BEFORE);
    long down;
    long up;
    Map<String, Course> courses;
    List<Attempt> attempts;
    try (ReadinessWatch readiness = new ReadinessWatch(stack.services())) {
      down = System.nanoTime();
      try {
        fault.takeAway();
        Polling.pause(outage);
      } finally {
        fault.bringBack();
      }
      up = System.nanoTime();
      readiness.faultEnded();
      Polling.pause(AFTER);
      Polling.within(readiness::allBack, RECOVERY);
      attempts = writes.stop();
      courses = readiness.courses();
    }
    Polling.within(() -> outboxUnsent() == 0, CATCH_UP);
    long outboxLeft = outboxUnsent();
    WrittenRecords records = new WrittenRecords(stack.postgres().endpoint());
    List<FaultCouncil> councils = writes.councils();
    Polling.within(
        () -> records.compare(councils, attempts).stream().allMatch(c -> c.eventsLost() == 0),
        CATCH_UP);
    List<Attempt> during =
        attempts.stream().filter(a -> a.startedNanos() >= down && a.startedNanos() < up).toList();
    return new Result(
        fault.name(),
        Duration.ofNanos(up - down),
        Answers.of(during),
        Answers.of(attempts),
        recoveries(courses, down, up),
        records.compare(councils, attempts),
        outboxLeft);
  }

  private static Map<String, Recovery> recoveries(Map<String, Course> courses, long down, long up) {
    Map<String, Recovery> recoveries = new java.util.LinkedHashMap<>();
    courses.forEach(
        (service, course) ->
            recoveries.put(
                service,
                new Recovery(
                    course.redAt() == 0 ? null : Duration.ofNanos(course.redAt() - down),
                    course.greenAt() == 0 ? null : Duration.ofNanos(course.greenAt() - up))));
    return recoveries;
  }

  /** {@code hub_outbox_unsent} as each service's Prometheus endpoint reports it, summed. */
  private long outboxUnsent() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long unsent = 0;
    for (ServiceProcess service : stack.services().values()) {
      try {
        String scrape =
            http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/prometheus"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        for (String line : scrape.lines().toList()) {
          if (line.startsWith("hub_outbox_unsent")) {
            double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            // NaN: the gauge could not read its table; count it as not drained
            unsent += Double.isNaN(value) ? 1 : (long) value;
          }
        }
      } catch (IOException | NumberFormatException e) {
        unsent += 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return unsent;
  }
}
