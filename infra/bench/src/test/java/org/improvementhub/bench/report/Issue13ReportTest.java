package org.improvementhub.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Issue13ReportTest {

  @TempDir Path folder;

  private static final String READ_MIX =
      """
      {"councils":4,"actionsPerPlan":600,"cores":2,
       "secondsToHealthy":{"tenancy":1.5,"plans":1.9},
       "runs":[
        {"rate":50.0,"seconds":60,"loadAverageBefore":"0.5 0.4 0.3",
         "all":{"name":"All Requests","total":3000,"failed":0,"p50":3,"p75":4,"p95":6,"p99":9,
                "max":30,"mean":3.5,"perSecond":50.0},
         "requests":[{"name":"plan tree","total":1000,"failed":0,"p50":5,"p75":6,"p95":8,"p99":12,
                "max":30,"mean":5.5,"perSecond":16.7}],
         "peakRssMb":{"tenancy":180.0,"plans":240.0}},
        {"rate":300.0,"seconds":60,"loadAverageBefore":"1.0 0.6 0.4",
         "all":{"name":"All Requests","total":18000,"failed":2,"p50":4,"p75":6,"p95":12,"p99":19,
                "max":90,"mean":5.0,"perSecond":299.0},
         "requests":[],
         "peakRssMb":{"tenancy":200.0,"plans":310.0}}]}
      """;

  private Map<String, String> verdicts() throws Exception {
    new Issue13Report(folder).write();
    JsonNode figures = new ObjectMapper().readTree(folder.resolve("figures.json").toFile());
    Map<String, String> verdicts = new HashMap<>();
    figures
        .path("targets")
        .forEach(row -> verdicts.put(row.path("measure").asText(), row.path("verdict").asText()));
    return verdicts;
  }

  private static String row(Map<String, String> verdicts, String startsWith) {
    return verdicts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(startsWith))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + startsWith + " in " + verdicts));
  }

  @Test
  void everyTargetIsNotMeasuredYetWhenNothingRan() throws Exception {
    Map<String, String> verdicts = verdicts();

    assertThat(verdicts).hasSizeGreaterThanOrEqualTo(15);
    assertThat(verdicts.values()).containsOnly("NOT_MEASURED_YET");
    assertThat(Files.readString(folder.resolve("report.md")))
        .contains("| measure | target | measured | verdict |")
        .contains("0 met, 0 not met");
  }

  @Test
  void theReadMixAt300DecidesTheReadsRowAndErrorsFailIt() throws Exception {
    Files.writeString(folder.resolve("readmix.json"), READ_MIX);

    Map<String, String> verdicts = verdicts();

    // p99 19 ms is inside 20 ms, but two requests failed
    assertThat(row(verdicts, "API reads")).isEqualTo("NOT_MET");
    assertThat(row(verdicts, "each service: start")).isEqualTo("MET");
    // plans peaked at 310 MB
    assertThat(row(verdicts, "each service: resident memory")).isEqualTo("NOT_MET");
    assertThat(folder.resolve("latency-vs-load.png")).isNotEmptyFile();
    assertThat(folder.resolve("memory-vs-load.png")).isNotEmptyFile();
  }

  @Test
  void aRunShorterThanTheTargetsDoesNotCount() throws Exception {
    Files.writeString(
        folder.resolve("readmix.json"),
        READ_MIX
            .replace("\"seconds\":60", "\"seconds\":20")
            .replace("\"failed\":2", "\"failed\":0"));

    assertThat(row(verdicts(), "API reads")).isEqualTo("NOT_MEASURED_YET");
  }

  @Test
  void arrivalsNeverAnsweredBeforeTheHardStopFailTheTarget() throws Exception {
    // 300/s for 60 s is 18,000 arrivals; Gatling counted 17,000, none failed, p99 inside 20 ms
    Files.writeString(
        folder.resolve("readmix.json"),
        READ_MIX.replace("\"total\":18000,\"failed\":2", "\"total\":17000,\"failed\":0"));

    assertThat(row(verdicts(), "API reads")).isEqualTo("NOT_MET");
    assertThat(Files.readString(folder.resolve("report.md")))
        .contains("1000 arrivals never answered");
  }

  @Test
  void theOlderBenchesFiguresAreReadFromTheirJson() throws Exception {
    Files.writeString(
        folder.resolve("oversight.json"),
        """
        {"bench":"oversight","councils":153,"actions":300,"loadAverageBefore":"1 1 1",
         "dashboardUnderReadersMs":{"p50":9,"p95":25,"p99":30,"n":200,"readers":20},
         "dashboardAloneMs":{"p50":3,"p95":5,"p99":6,"n":50},
         "freshnessMs":{"p50":400,"p99":1500,"n":50}}
        """);
    Files.writeString(
        folder.resolve("notifications.json"),
        """
        {"bench":"notifications","councils":10,"actions":200,"emails":2000,"received":2000,
         "scanToLastAcceptedSeconds":7.5,"duplicates":0,"recipientsEmailedTwice":0}
        """);
    Files.writeString(
        folder.resolve("foundation.json"),
        """
        {"bench":"foundation","councils":153,"provisioningMs":{"p50":300,"p95":800,"n":153}}
        """);
    Files.writeString(
        folder.resolve("startup.json"),
        """
        {"bench":"startup","councils":153,"services":{
          "tenancy":{"checkMs":1200,"checkSchemas":153},
          "plans":{"checkMs":11000,"checkSchemas":153}}}
        """);

    Map<String, String> verdicts = verdicts();

    assertThat(row(verdicts, "observer dashboard")).isEqualTo("NOT_MET");
    assertThat(row(verdicts, "freshness")).isEqualTo("MET");
    // 2,000 emails is not the target's 30,600
    assertThat(row(verdicts, "30,600 overdue emails")).isEqualTo("NOT_MEASURED_YET");
    assertThat(row(verdicts, "provisioning")).isEqualTo("MET");
    assertThat(row(verdicts, "start-up migration check")).isEqualTo("NOT_MET");
  }

  @Test
  void emailsReceivedTwiceFailTheRowAtAnySize() throws Exception {
    Files.writeString(
        folder.resolve("notifications.json"),
        """
        {"councils":10,"actions":200,"emails":2000,"received":2001,
         "scanToLastAcceptedSeconds":7.5,"duplicates":1,"recipientsEmailedTwice":0}
        """);

    assertThat(row(verdicts(), "30,600 overdue emails")).isEqualTo("NOT_MET");
  }

  @Test
  void growthAtEverySizeIsJudgedByItsFittedExponentAndCharted() throws Exception {
    Path growth = Files.createDirectories(folder.resolve("growth"));
    for (int n : new int[] {10, 50, 153, 500}) {
      // provisioning flat; the dashboard grows with the square of the councils; the start-up
      // migration check (from the foundation bench) only at the two smaller sizes
      String check =
          n > 50
              ? ""
              : ",\"startupMigrationCheck\":{\"plans\":{\"schemas\":%d,\"ms\":%d},\"measures\":{\"schemas\":%d,\"ms\":%d}}"
                  .formatted(n, 10 * n, n, n);
      Files.writeString(
          growth.resolve("foundation-" + n + ".json"),
          "{\"councils\":%d,\"provisioningMs\":{\"p95\":%d}%s}".formatted(n, 400 + n % 7, check));
      Files.writeString(
          growth.resolve("oversight-" + n + ".json"),
          "{\"councils\":%d,\"dashboardAloneMs\":{\"p95\":%f}}".formatted(n, 0.01 * n * n));
    }

    Map<String, String> verdicts = verdicts();

    assertThat(row(verdicts, "growth: provisioning")).isEqualTo("MET");
    assertThat(row(verdicts, "growth: observer dashboard")).isEqualTo("NOT_MET");
    // linear, but only two of the four sizes
    assertThat(row(verdicts, "growth: start-up migration check")).isEqualTo("NOT_MEASURED_YET");
    assertThat(row(verdicts, "growth: overdue scan")).isEqualTo("NOT_MEASURED_YET");
    assertThat(folder.resolve("growth-provisioning-one-council.png")).isNotEmptyFile();
    assertThat(folder.resolve("growth-observer-dashboard.png")).isNotEmptyFile();
    assertThat(Files.readString(folder.resolve("report.md")))
        .contains("exponent 2.00: worse than linear")
        .contains("exponent 1.00: linear");
  }

  @Test
  void redmineIsComparedAtEqualP99AndASkippedInstallSaysWhy() throws Exception {
    Files.writeString(
        folder.resolve("readmix.json"), READ_MIX.replace("\"failed\":2", "\"failed\":0"));
    Files.writeString(
        folder.resolve("redmine.json"),
        """
        {"pumaWorkers":"2","pumaThreads":"5","runs":[
          {"rate":50.0,"seconds":60,"operations":600,"failed":0,"unanswered":2400,
           "operationsPerSecond":10.0,"worstP99":30000,"requests":[]}]}
        """);

    // Redmine saturated at 10 operations/s with p99 30 s; we served 299/s at p99 12 ms: 29.9×
    assertThat(row(verdicts(), "the same reads side by side")).isEqualTo("MET");
    assertThat(Files.readString(folder.resolve("report.md"))).contains("(29.9×)");

    Files.writeString(folder.resolve("redmine.json"), "{\"skipped\":\"not root (uid 1000)\"}");
    assertThat(row(verdicts(), "the same reads side by side")).isEqualTo("NOT_MEASURED_YET");
    assertThat(Files.readString(folder.resolve("report.md")))
        .contains("not measured: not root (uid 1000)");
  }

  @Test
  void theSuiteTimeIsReadFromOurOwnLineOrMavensTotalTime() throws Exception {
    Files.writeString(folder.resolve("suite.txt"), "seconds=1107\nexit=0\ncores=2\n");
    assertThat(row(verdicts(), "the README's full test command")).isEqualTo("MET");
    assertThat(Files.readString(folder.resolve("report.md"))).contains("18 min 27 s (passed, 2");

    Files.writeString(
        folder.resolve("suite.txt"), "[INFO] BUILD SUCCESS\n[INFO] Total time:  26:03 min\n");
    assertThat(row(verdicts(), "the README's full test command")).isEqualTo("NOT_MET");
  }
}
