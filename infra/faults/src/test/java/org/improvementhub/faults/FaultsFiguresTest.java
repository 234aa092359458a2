package org.improvementhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.faults.OutageRun.Answers;
import org.improvementhub.faults.OutageRun.Recovery;
import org.improvementhub.faults.OverdueBatch.Delivered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures file the issue-13 report reads: what the bench found, with nothing left out. */
class FaultsFiguresTest {

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void aBenchStoppedHalfWayLeavesTheRunsItCompletedAndSaysItDidNotFinish() throws IOException {
    Path file = folder.resolve("faults.json");
    FaultsFigures figures = new FaultsFigures(file, JsonNodeFactory.instance.objectNode());

    figures.killRestart(1, run(7, new Delivered(40, 40, 0, 40)), Duration.ofSeconds(30));
    figures.killRestart(2, run(0, new Delivered(40, 39, 1, 41)), Duration.ofSeconds(31));
    figures.killRestartFailed(3, "IllegalStateException: notifications did not become healthy");

    JsonNode written = json.readTree(file.toFile());
    assertThat(written.path("finished").asBoolean()).isFalse();
    JsonNode killRestart = written.path("killRestart");
    assertThat(killRestart.path("runs").asInt()).isEqualTo(2);
    assertThat(killRestart.path("emailsExpected").asInt()).isEqualTo(80);
    assertThat(killRestart.path("lost").asInt()).isEqualTo(1);
    assertThat(killRestart.path("duplicates").asInt()).isEqualTo(1);
    assertThat(killRestart.path("runsNotCompleted").asInt()).isEqualTo(1);
    assertThat(killRestart.path("perRun")).hasSize(3);
    assertThat(killRestart.path("perRun").get(2).path("error").asText()).contains("healthy");
  }

  @Test
  void theCountAtTheEndReplacesTheRunningTotalsSoALateCopyCounts() throws IOException {
    Path file = folder.resolve("faults.json");
    FaultsFigures figures = new FaultsFigures(file, JsonNodeFactory.instance.objectNode());
    figures.killRestart(1, run(3, new Delivered(40, 40, 0, 40)), Duration.ofSeconds(30));

    figures.killRestartRecounted(List.of(new Delivered(40, 40, 1, 41)));
    figures.finished();

    JsonNode written = json.readTree(file.toFile());
    assertThat(written.path("finished").asBoolean()).isTrue();
    assertThat(written.path("killRestart").path("duplicates").asInt()).isEqualTo(1);
    assertThat(written.path("killRestart").path("countedAgainAtEnd").asBoolean()).isTrue();
  }

  @Test
  void smtpAndInfrastructureOutagesAreWrittenWithTheirAnswersReadinessAndLosses()
      throws IOException {
    Path file = folder.resolve("faults.json");
    FaultsFigures figures = new FaultsFigures(file, JsonNodeFactory.instance.objectNode());

    figures.smtpOutage(
        Duration.ofMinutes(10),
        new SmtpOutageRun.Result(
            new Delivered(40, 0, 0, 0), new Delivered(40, 40, 0, 40), Duration.ofSeconds(6)));
    Map<String, Recovery> readiness = new LinkedHashMap<>();
    readiness.put("PLANS", new Recovery(Duration.ofMillis(1500), Duration.ofMillis(2500)));
    readiness.put("MEASURES", new Recovery(null, null));
    Answers during = new Answers(10, 6, 4, 0, 0, 0, 0, Duration.ofSeconds(5));
    figures.outages(
        "postgresql killed (SIGKILL)",
        List.of(
            new OutageRun.Result(
                "postgresql killed (SIGKILL)",
                Duration.ofSeconds(10),
                during,
                during,
                readiness,
                List.of(new WrittenRecords.Council("c", 5, 5, 4, 3, 0, 0, "")),
                0)));

    JsonNode written = json.readTree(file.toFile());
    JsonNode smtp = written.path("smtpOutage");
    assertThat(smtp.path("outageSeconds").asDouble()).isEqualTo(600.0);
    assertThat(smtp.path("deliveredAfter").asInt()).isEqualTo(40);
    assertThat(smtp.path("duplicates").asInt()).isZero();
    JsonNode postgres = written.path("outages").path("postgresql killed (SIGKILL)");
    assertThat(postgres.path("writesDuring").path("503").asInt()).isEqualTo(4);
    assertThat(postgres.path("eventsLost").asInt()).isEqualTo(1);
    JsonNode plans = postgres.path("perRun").get(0).path("readiness");
    assertThat(plans.path("PLANS").path("greenAfterSeconds").asDouble()).isEqualTo(2.5);
    assertThat(plans.path("MEASURES").path("redAfterSeconds").isNull()).isTrue();
  }

  private static KillRestartRun.Result run(int killedAfter, Delivered delivered) {
    return new KillRestartRun.Result(
        null,
        killedAfter,
        delivered,
        "",
        Instant.EPOCH,
        List.of(),
        CompletionWindows.Scrape.NONE,
        false);
  }
}
