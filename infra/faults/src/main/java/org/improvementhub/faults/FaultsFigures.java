package org.improvementhub.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.improvementhub.faults.OutageRun.Answers;
import org.improvementhub.faults.OverdueBatch.Delivered;

/**
 * The bench's figures as JSON, for the issue-13 report to read instead of parsing what the bench
 * prints for people. The file is written again after every run, so a bench stopped half-way still
 * leaves what it completed (and says so: {@code finished} stays false).
 */
final class FaultsFigures {

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path file;
  private final ObjectNode root = json.createObjectNode();
  private final ArrayNode killRestartRuns;
  private final ObjectNode outages;

  /**
   * @param profile the sizes asked for, as the bench was told them
   */
  FaultsFigures(Path file, ObjectNode profile) {
    this.file = file;
    root.put("started", Instant.now().toString());
    root.put("finished", false);
    root.put("loadAverageAtStart", LoadAverage.now());
    root.set("profile", profile);
    ObjectNode killRestart = root.putObject("killRestart");
    killRestart.put("runs", 0);
    killRestart.put("emailsExpected", 0);
    killRestart.put("lost", 0);
    killRestart.put("duplicates", 0);
    killRestart.put("runsNotCompleted", 0);
    killRestart.put("countedAgainAtEnd", false);
    killRestartRuns = killRestart.putArray("perRun");
    outages = root.putObject("outages");
    write();
  }

  void killRestart(int run, KillRestartRun.Result result, Duration took) {
    ObjectNode totals = (ObjectNode) root.get("killRestart");
    Delivered delivered = result.delivered();
    totals.put("runs", totals.get("runs").asInt() + 1);
    totals.put("emailsExpected", totals.get("emailsExpected").asInt() + delivered.expected());
    totals.put("lost", totals.get("lost").asInt() + delivered.lost());
    totals.put("duplicates", totals.get("duplicates").asInt() + delivered.duplicates());
    ObjectNode node = killRestartRuns.addObject();
    node.put("run", run);
    node.put("killedAfterAccepted", result.killedAfter());
    node.put("aimedAtAcceptance", result.aimed());
    node.put("expected", delivered.expected());
    node.put("reached", delivered.reached());
    node.put("lost", delivered.lost());
    node.put("duplicates", delivered.duplicates());
    node.put("seconds", seconds(took));
    if (!result.diagnosis().isEmpty()) {
      node.put("diagnosis", result.diagnosis());
    }
    ObjectNode window = node.putObject("completionWindow");
    window.put("emails", result.windows().emails());
    window.put("meanMicros", Math.round(result.windows().meanMicros()));
    window.put("maxMicros", Math.round(result.windows().maxSeconds() * 1e6));
    if (!result.duplicates().isEmpty()) {
      ArrayNode copies = node.putArray("duplicateCopies");
      result
          .duplicates()
          .forEach(
              duplicate -> {
                ObjectNode copy = copies.addObject();
                copy.put("recipient", duplicate.recipient());
                copy.put("sameMessageId", duplicate.sameMessageId());
                duplicate.messageIds().forEach(copy.putArray("messageIds")::add);
                duplicate
                    .acceptedMillisAfterKill()
                    .forEach(copy.putArray("acceptedMillisAfterKill")::add);
                copy.put("arrival", duplicate.arrival());
                duplicate.deliveries().forEach(copy.putArray("deliveries")::add);
              });
    }
    write();
  }

  /**
   * The completion windows of every killed process added up: the interval, per email, in which a
   * crash would have sent it twice (see {@link CompletionWindows}).
   */
  void completionWindows(CompletionWindows windows) {
    ObjectNode node = ((ObjectNode) root.get("killRestart")).putObject("completionWindow");
    node.put("emails", windows.emails());
    node.put("meanMicros", Math.round(windows.meanMicros()));
    node.put("p50AtMostMicros", Math.round(windows.quantileMicros(0.5)));
    node.put("p99AtMostMicros", Math.round(windows.quantileMicros(0.99)));
    node.put("p999AtMostMicros", Math.round(windows.quantileMicros(0.999)));
    node.put("maxMicros", Math.round(windows.maxMicros()));
    node.put("over1ms", windows.longerThan(1000));
    node.put("over10ms", windows.longerThan(10_000));
    write();
  }

  /** A run the harness could not complete: it counts as neither clean nor lossy. */
  void killRestartFailed(int run, String error) {
    ObjectNode totals = (ObjectNode) root.get("killRestart");
    totals.put("runsNotCompleted", totals.get("runsNotCompleted").asInt() + 1);
    ObjectNode node = killRestartRuns.addObject();
    node.put("run", run);
    node.put("error", error);
    write();
  }

  /**
   * The totals from every run's batch counted again after the last run (a late copy counts), in
   * place of the running totals.
   */
  void killRestartRecounted(List<Delivered> recounted) {
    ObjectNode totals = (ObjectNode) root.get("killRestart");
    totals.put("emailsExpected", recounted.stream().mapToInt(Delivered::expected).sum());
    totals.put("lost", recounted.stream().mapToInt(Delivered::lost).sum());
    totals.put("duplicates", recounted.stream().mapToInt(Delivered::duplicates).sum());
    totals.put("countedAgainAtEnd", true);
    write();
  }

  void smtpOutage(Duration outage, SmtpOutageRun.Result result) {
    ObjectNode node = root.putObject("smtpOutage");
    node.put("outageSeconds", seconds(outage));
    node.put("acceptedDuringOutage", result.duringOutage().received());
    node.put("expected", result.after().expected());
    node.put("deliveredAfter", result.after().reached());
    node.put("lost", result.after().lost());
    node.put("duplicates", result.after().duplicates());
    node.put("lastEmailSecondsAfterReturn", seconds(result.lastEmailAfterReturn()));
    write();
  }

  void outages(String fault, List<OutageRun.Result> results) {
    ObjectNode node = outages.putObject(fault);
    node.put("runs", results.size());
    node.put(
        "outageMeanSeconds",
        results.stream().mapToLong(r -> r.outage().toMillis()).average().orElse(0) / 1000.0);
    node.put(
        "outageMaxSeconds",
        results.stream().mapToLong(r -> r.outage().toMillis()).max().orElse(0) / 1000.0);
    node.set("writesDuring", answers(results.stream().map(OutageRun.Result::during).toList()));
    node.set("writesAll", answers(results.stream().map(OutageRun.Result::all).toList()));
    node.put("eventsLost", results.stream().mapToInt(OutageRun.Result::eventsLost).sum());
    node.put(
        "acknowledgedWritesLost",
        results.stream().mapToInt(OutageRun.Result::acknowledgedMissing).sum());
    node.put("outboxLeft", results.stream().mapToLong(OutageRun.Result::outboxLeft).sum());
    ArrayNode perRun = node.putArray("perRun");
    for (OutageRun.Result result : results) {
      ObjectNode run = perRun.addObject();
      run.put("outageSeconds", seconds(result.outage()));
      run.set("writesDuring", answers(List.of(result.during())));
      run.put("eventsLost", result.eventsLost());
      run.put("acknowledgedWritesLost", result.acknowledgedMissing());
      run.put("outboxLeft", result.outboxLeft());
      ObjectNode readiness = run.putObject("readiness");
      result
          .readiness()
          .forEach(
              (service, recovery) -> {
                ObjectNode one = readiness.putObject(service);
                if (recovery.red() == null) {
                  one.putNull("redAfterSeconds");
                } else {
                  one.put("redAfterSeconds", seconds(recovery.red()));
                }
                if (recovery.green() == null) {
                  one.putNull("greenAfterSeconds");
                } else {
                  one.put("greenAfterSeconds", seconds(recovery.green()));
                }
              });
    }
    write();
  }

  void finished() {
    root.put("finished", true);
    root.put("ended", Instant.now().toString());
    root.put("loadAverageAtEnd", LoadAverage.now());
    write();
  }

  Path file() {
    return file;
  }

  private ObjectNode answers(List<Answers> all) {
    ObjectNode node = json.createObjectNode();
    node.put("writes", all.stream().mapToInt(Answers::writes).sum());
    node.put("2xx", all.stream().mapToInt(Answers::acknowledged).sum());
    node.put("503", all.stream().mapToInt(Answers::unavailable).sum());
    node.put("other4xx", all.stream().mapToInt(Answers::otherClientErrors).sum());
    node.put("5xx", all.stream().mapToInt(Answers::serverErrors).sum());
    node.put("noAnswer", all.stream().mapToInt(Answers::noAnswer).sum());
    node.put("notProblemJson", all.stream().mapToInt(Answers::notProblemJson).sum());
    node.put(
        "slowestSeconds",
        all.stream().mapToLong(a -> a.slowest().toMillis()).max().orElse(0) / 1000.0);
    return node;
  }

  private void write() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      json.writeValue(partial.toFile(), root);
      Files.move(
          partial,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
