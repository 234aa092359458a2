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
  void theOlderBenchesPrintedFiguresAreReadBack() throws Exception {
    Files.writeString(
        folder.resolve("oversight.txt"),
        """
        == Oversight bench: 153 councils x 300 actions (45900 events), 2 cores ==
        Observer dashboard, all councils (20 readers): p50=9 ms  p95=25 ms  (n=2000)
        Observer dashboard, all councils (1 reader):   p50=3 ms  p95=5 ms  (n=200)
        Freshness, progress report to dashboard:      p50=400 ms  p99=1500 ms  (n=50)
        """);
    Files.writeString(
        folder.resolve("notifications.txt"),
        """
        == Notifications bench: 10 councils x 200 overdue actions (2000 emails), 2 cores ==
        Scan -> last email accepted by SMTP:       7.5 s
        Received by SMTP server: 2000 messages; duplicates: 0 (same Message-ID), 0 recipients
        """);
    Files.writeString(
        folder.resolve("foundation.txt"),
        "Provisioning (POST /councils to ACTIVE):   p50=300 ms  p95=800 ms  (n=153)\n");
    Files.writeString(
        folder.resolve("startup.txt"),
        """
        Start-up migration with 153 council schemas, parallelism 4 (logs: x)
        tenancy  0  1/2 ms  0  1/2 ms  1200 ms (153 schemas)  3000
        plans    0  1/2 ms  0  1/2 ms  11000 ms (153 schemas)  14000
        """);

    Map<String, String> verdicts = verdicts();

    assertThat(row(verdicts, "observer dashboard")).isEqualTo("NOT_MET");
    assertThat(row(verdicts, "freshness")).isEqualTo("MET");
    // 2,000 emails is not the target's 30,600
    assertThat(row(verdicts, "30,600 overdue emails")).isEqualTo("NOT_MEASURED_YET");
    assertThat(row(verdicts, "provisioning")).isEqualTo("MET");
    assertThat(row(verdicts, "start-up migration check")).isEqualTo("NOT_MET");
  }
}
