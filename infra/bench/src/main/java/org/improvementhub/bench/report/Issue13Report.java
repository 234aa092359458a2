package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * Writes issue 13's report into a results folder from what {@code run-all.sh} left there: {@code
 * readmix.json} (and {@code soak.json} if a soak ran into the same folder), the older benches'
 * figures ({@code oversight.json}, {@code notifications.json}, {@code foundation.json}, {@code
 * startup.json}, and {@code growth/<bench>-<councils>.json} at each size), Redmine's ({@code
 * redmine.json}, {@code redmine-reminders.json}), {@code suite.txt}, and issue 12's {@code
 * faults.json} and {@code fuzz.txt}. Writes {@code report.md} (every target of the issue: met, not
 * met, or not measured yet), {@code figures.json} (the raw figures) and the PNG charts. A target is
 * never bent to fit: a run smaller or shorter than the target's says "not measured yet" and shows
 * what it did measure.
 *
 * <p>Run: {@code Issue13Report <results folder>}
 */
public final class Issue13Report {

  private final Path folder;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ObjectNode figures = json.createObjectNode();
  private final List<TargetRow> rows = new ArrayList<>();

  Issue13Report(Path folder) {
    this.folder = folder;
  }

  public static void main(String[] args) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Path folder = Path.of(args.length > 0 ? args[0] : "infra/bench/results/" + LocalDate.now());
    Path report = new Issue13Report(folder).write();
    System.out.println("Report: " + report);
  }

  Path write() throws IOException {
    Files.createDirectories(folder);
    figures.put("date", LocalDate.now().toString());
    figures.put("commit", System.getProperty("bench.commit", "unknown"));
    figures.put("machine", System.getProperty("bench.machine", "unknown"));
    Optional<JsonNode> readMix = readJson("readmix.json");
    readMix.ifPresent(r -> figures.set("readMix", r));
    Optional<JsonNode> soak = readJson("soak.json");
    soak.ifPresent(s -> figures.set("soak", s));

    apiReads(readMix);
    Optional<JsonNode> redmine = readJson("redmine.json");
    redmine.ifPresent(r -> figures.set("redmine", r));
    Optional<JsonNode> reminders = readJson("redmine-reminders.json");
    reminders.ifPresent(r -> figures.set("redmineReminders", r));
    rows.add(RedmineBeside.row(redmine, readMix));
    oversight();
    emails();
    provisioning();
    migrationCheck();
    startAndMemory(readMix);
    rows.add(SuiteTime.row(folder));
    soakRow(soak);
    Growth growth = Growth.in(folder);
    rows.addAll(growth.rows(figures));

    if (readMix.isPresent()) {
      LoadCharts.latencyAgainstLoad(readMix.get(), folder.resolve("latency-vs-load.png"));
      LoadCharts.memoryAgainstLoad(readMix.get(), folder.resolve("memory-vs-load.png"));
    }
    ArrayNode rowNodes = figures.putArray("targets");
    rows.forEach(r -> rowNodes.add(json.valueToTree(r)));
    json.writeValue(folder.resolve("figures.json").toFile(), figures);
    Path report = folder.resolve("report.md");
    Files.writeString(
        report,
        markdown(readMix, soak)
            + RedmineBeside.markdown(redmine, readMix, reminders, readJson("notifications.json"))
            + growthMarkdown(growth)
            + Issue12Figures.markdown(folder));
    return report;
  }

  private void apiReads(Optional<JsonNode> readMix) {
    String measure =
        "API reads (an action list of 100, a 600-action plan tree, one action) at 300 requests/s,"
            + " open model, 60 s";
    String target = "p99 ≤ 20 ms, 0 errors";
    Optional<JsonNode> at300 =
        readMix.flatMap(
            r -> {
              for (JsonNode run : r.path("runs")) {
                if (run.path("rate").asDouble() == 300) {
                  return Optional.of(run);
                }
              }
              return Optional.empty();
            });
    if (at300.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, target, "ReadMix did not run at 300/s"));
      return;
    }
    JsonNode run = at300.get();
    JsonNode all = run.path("all");
    long seconds = run.path("seconds").asLong();
    long unanswered = unanswered(run);
    String measured =
        String.format(
            "p99 %.0f ms (p50 %.0f, p95 %.0f), %d errors of %d answered, %d arrivals never"
                + " answered before the run's hard stop, %.0f req/s served, %d s; load average %s",
            all.path("p99").asDouble(),
            all.path("p50").asDouble(),
            all.path("p95").asDouble(),
            all.path("failed").asLong(),
            all.path("total").asLong(),
            unanswered,
            all.path("perSecond").asDouble(),
            seconds,
            run.path("loadAverageBefore").asText());
    boolean met =
        all.path("p99").asDouble() <= 20 && all.path("failed").asLong() == 0 && unanswered == 0;
    rows.add(
        seconds < 60
            ? new TargetRow(
                measure,
                target,
                measured + " (shorter than 60 s: does not count)",
                Verdict.NOT_MEASURED_YET)
            : new TargetRow(measure, target, measured, Verdict.of(met)));
  }

  private void oversight() throws IOException {
    String dashboard = "observer dashboard over 153 councils × 300 actions";
    String freshness = "freshness: a progress report → visible on the observer dashboard";
    Optional<JsonNode> out = readJson("oversight.json");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(dashboard, "p95 ≤ 20 ms", "OversightBench not run"));
      rows.add(TargetRow.notMeasuredYet(freshness, "p99 ≤ 2 s", "OversightBench not run"));
      return;
    }
    JsonNode o = out.get();
    figures.set("oversight", o);
    int councils = o.path("councils").asInt();
    int actions = o.path("actions").asInt();
    boolean fullSize = councils >= 153 && actions >= 300;
    String size = councils + " × " + actions;
    double readersP95 = o.path("dashboardUnderReadersMs").path("p95").asDouble();
    String measured =
        String.format(
            "p95 %.0f ms under %d concurrent readers, %.0f ms alone; at %s",
            readersP95,
            o.path("dashboardUnderReadersMs").path("readers").asInt(),
            o.path("dashboardAloneMs").path("p95").asDouble(),
            size);
    rows.add(
        fullSize
            ? new TargetRow(dashboard, "p95 ≤ 20 ms", measured, Verdict.of(readersP95 <= 20))
            : new TargetRow(
                dashboard,
                "p95 ≤ 20 ms",
                measured + " (smaller than 153 × 300)",
                Verdict.NOT_MEASURED_YET));
    double fresh = o.path("freshnessMs").path("p99").asDouble();
    rows.add(
        new TargetRow(
            freshness,
            "p99 ≤ 2 s",
            String.format("p99 %.0f ms at %s", fresh, size),
            Verdict.of(fresh <= 2000)));
  }

  private void emails() throws IOException {
    String measure =
        "30,600 overdue emails (153 councils × 200) to a local SMTP server, scan → last accepted";
    String target = "≤ 60 s, none twice";
    Optional<JsonNode> out = readJson("notifications.json");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, target, "NotificationsBench not run"));
      return;
    }
    JsonNode o = out.get();
    figures.set("notifications", o);
    long emails = o.path("emails").asLong();
    double seconds = o.path("scanToLastAcceptedSeconds").asDouble();
    long twice = o.path("duplicates").asLong() + o.path("recipientsEmailedTwice").asLong();
    String measured =
        String.format(
            "%.1f s for %d emails (%d received), %d received twice; load average %s",
            seconds,
            emails,
            o.path("received").asLong(),
            twice,
            o.path("loadAverageBefore").asText());
    boolean met = seconds <= 60 && twice == 0 && o.path("received").asLong() == emails;
    rows.add(
        emails >= 30_600
            ? new TargetRow(measure, target, measured, Verdict.of(met))
            : new TargetRow(
                measure,
                target,
                measured + " (fewer than 30,600)",
                twice > 0 ? Verdict.NOT_MET : Verdict.NOT_MEASURED_YET));
  }

  private void provisioning() throws IOException {
    String measure = "provisioning one council until every service is ready";
    Optional<JsonNode> out = readJson("foundation.json");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, "p95 ≤ 1 s", "FoundationBench not run"));
      return;
    }
    JsonNode o = out.get();
    figures.set("foundation", o);
    double p95 = o.path("provisioningMs").path("p95").asDouble();
    rows.add(
        new TargetRow(
            measure,
            "p95 ≤ 1 s",
            String.format(
                "p95 %.0f ms (p50 %.0f) over %d councils provisioned one after another",
                p95, o.path("provisioningMs").path("p50").asDouble(), o.path("councils").asInt()),
            Verdict.of(p95 <= 1000)));
  }

  private void migrationCheck() throws IOException {
    String measure = "start-up migration check, 153 councils, per service";
    Optional<JsonNode> out = readJson("startup.json");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, "≤ 10 s", "StartupMigrationBench not run"));
      return;
    }
    figures.set("startup", out.get());
    double worst = -1;
    long schemas = 0;
    StringBuilder each = new StringBuilder();
    for (var it = out.get().path("services").fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().has("checkMs")) {
        worst = Math.max(worst, e.getValue().path("checkMs").asDouble());
        schemas = e.getValue().path("checkSchemas").asLong();
        each.append(
            String.format("%s %.0f ms, ", e.getKey(), e.getValue().path("checkMs").asDouble()));
      }
    }
    if (worst < 0) {
      rows.add(TargetRow.notMeasuredYet(measure, "≤ 10 s", "no service logged its check"));
      return;
    }
    String measured = String.format("%s(%d schemas)", each, schemas).replace(", (", " (");
    rows.add(
        schemas >= 153
            ? new TargetRow(measure, "≤ 10 s", measured, Verdict.of(worst <= 10_000))
            : new TargetRow(
                measure, "≤ 10 s", measured + " (fewer than 153)", Verdict.NOT_MEASURED_YET));
  }

  private void startAndMemory(Optional<JsonNode> readMix) throws IOException {
    String start = "each service: start";
    String memory = "each service: resident memory under the 300 rps load";
    if (readMix.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(start, "≤ 2 s", "ReadMix not run"));
      rows.add(TargetRow.notMeasuredYet(memory, "≤ 300 MB", "ReadMix not run"));
      return;
    }
    JsonNode healthy = readMix.get().path("secondsToHealthy");
    Optional<JsonNode> alone = readJson("start.json");
    if (alone.isPresent()) {
      rows.add(StartAlone.row(alone.get()));
      figures.set("start", alone.get());
    }
    double slowest = 0;
    StringBuilder each = new StringBuilder();
    for (var it = healthy.fields(); it.hasNext(); ) {
      var e = it.next();
      slowest = Math.max(slowest, e.getValue().asDouble());
      each.append(String.format("%s %.1f s, ", e.getKey(), e.getValue().asDouble()));
    }
    rows.add(
        new TargetRow(
            start + (alone.isPresent() ? " (all six started together, for comparison)" : ""),
            "≤ 2 s",
            "to first healthy answer, all started together: "
                + each.toString().replaceAll(", $", ""),
            Verdict.of(slowest <= 2)));
    JsonNode at300 = null;
    for (JsonNode run : readMix.get().path("runs")) {
      if (run.path("rate").asDouble() == 300) {
        at300 = run;
      }
    }
    if (at300 == null) {
      rows.add(TargetRow.notMeasuredYet(memory, "≤ 300 MB", "ReadMix did not run at 300/s"));
      return;
    }
    double highest = 0;
    StringBuilder peaks = new StringBuilder("peak ");
    for (var it = at300.path("peakRssMb").fields(); it.hasNext(); ) {
      var e = it.next();
      highest = Math.max(highest, e.getValue().asDouble());
      peaks.append(String.format("%s %.0f MB, ", e.getKey(), e.getValue().asDouble()));
    }
    rows.add(
        new TargetRow(
            memory,
            "≤ 300 MB",
            peaks.toString().replaceAll(", $", ""),
            Verdict.of(highest <= 300)));
  }

  private void soakRow(Optional<JsonNode> soak) {
    String measure = "(issue 12) mixed read/write load of 300 requests/s for 10 minutes";
    String target = "0 errors, p99 reported, memory of every service flat at the end";
    if (soak.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, target, "run-soak.sh not run into this folder"));
      return;
    }
    JsonNode s = soak.get();
    JsonNode all = s.path("all");
    List<String> notFlat = new ArrayList<>();
    for (JsonNode m : s.path("memory")) {
      if (!m.path("flat").asBoolean()) {
        notFlat.add(m.path("service").asText());
      }
    }
    String measured =
        String.format(
            "%d errors of %d answered, %d never answered, p50 %.0f / p99 %.0f ms, %.0f req/s at"
                + " %.0f/s for %d s; memory %s",
            all.path("failed").asLong(),
            all.path("total").asLong(),
            unanswered(s),
            all.path("p50").asDouble(),
            all.path("p99").asDouble(),
            all.path("perSecond").asDouble(),
            s.path("rate").asDouble(),
            s.path("seconds").asLong(),
            notFlat.isEmpty() ? "flat" : "not flat: " + String.join(", ", notFlat));
    boolean full = s.path("rate").asDouble() >= 300 && s.path("seconds").asLong() >= 600;
    boolean met = all.path("failed").asLong() == 0 && unanswered(s) == 0 && notFlat.isEmpty();
    rows.add(
        full
            ? new TargetRow(measure, target, measured, Verdict.of(met))
            : new TargetRow(
                measure,
                target,
                measured + " (shorter or slower than the target's)",
                Verdict.NOT_MEASURED_YET));
  }

  /**
   * Arrivals the open model sent that Gatling never counted: still waiting for an answer when the
   * run's hard stop ({@code maxDuration}) came. Gatling reports them neither as OK nor as KO, so
   * they are counted here as failures of the target.
   */
  static long unanswered(JsonNode run) {
    long arrivals = Math.round(run.path("rate").asDouble() * run.path("seconds").asLong());
    return Math.max(0, arrivals - run.path("all").path("total").asLong());
  }

  private Optional<JsonNode> readJson(String name) throws IOException {
    Path file = folder.resolve(name);
    return Files.exists(file) ? Optional.of(json.readTree(file.toFile())) : Optional.empty();
  }

  private String markdown(Optional<JsonNode> readMix, Optional<JsonNode> soak) {
    StringBuilder md = new StringBuilder();
    md.append("# Issue 13: performance report, ")
        .append(figures.path("date").asText())
        .append("\n\n");
    md.append("Commit `")
        .append(figures.path("commit").asText())
        .append("`; machine: ")
        .append(figures.path("machine").asText())
        .append(
            ". Written by `infra/bench/run-all.sh`: every figure below comes from this one run"
                + " (raw figures in `figures.json`).\n\n");
    md.append("| measure | target | measured | verdict |\n|---|---|---|---|\n");
    rows.forEach(r -> md.append(r.markdown()).append('\n'));
    long met = rows.stream().filter(r -> r.verdict() == Verdict.MET).count();
    long notMet = rows.stream().filter(r -> r.verdict() == Verdict.NOT_MET).count();
    md.append(
        String.format(
            "%n%d met, %d not met, %d not measured yet.%n",
            met, notMet, rows.size() - met - notMet));
    readMix.ifPresent(
        r -> {
          md.append("\n## Read mix against load\n\n");
          md.append(
              String.format(
                  "Gatling `ReadMix` (infra/load), open model, %d councils of %d actions each,"
                      + " against every service in its own JVM on this one machine (the load"
                      + " generator, PostgreSQL and Kafka share the same cores).%n%n",
                  r.path("councils").asInt(), r.path("actionsPerPlan").asInt()));
          md.append(
              "| rate asked | seconds | request | n answered | errors | p50 ms | p95 ms | p99 ms |"
                  + " max ms | served req/s | load average before |\n");
          md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
          for (JsonNode run : r.path("runs")) {
            md.append(
                String.format(
                    "| %.0f/s | %d | *arrivals never answered before the hard stop* | %d | | | | |"
                        + " | | |%n",
                    run.path("rate").asDouble(), run.path("seconds").asLong(), unanswered(run)));
            row(md, run, run.path("all"));
            for (JsonNode request : run.path("requests")) {
              row(md, run, request);
            }
          }
          md.append("\n![latency against load](latency-vs-load.png)\n");
          md.append("\n![resident memory against load](memory-vs-load.png)\n");
        });
    soak.ifPresent(
        s -> {
          md.append("\n## Soak (issue 12, \"load held\")\n\n```\n");
          Path text = folder.resolve("soak.txt");
          try {
            md.append(Files.exists(text) ? Files.readString(text).strip() : "(no soak.txt)");
          } catch (IOException e) {
            md.append("(unreadable soak.txt)");
          }
          md.append("\n```\n");
        });
    return md.toString();
  }

  private static String growthMarkdown(Growth growth) {
    StringBuilder md = new StringBuilder("\n## Growth with the number of councils\n\n");
    md.append(
        "Each cost fitted as a·councils^k (least squares on log–log); flat k < 0.25, linear"
            + " k ≤ 1.25, worse above. Figures from the older benches run at each size"
            + " (`growth/<bench>-<councils>.json`).\n\n");
    md.append("| cost | measured | exponent | growth | expected |\n|---|---|---|---|---|\n");
    for (GrowthCost cost : growth.costs()) {
      md.append(
          String.format(
              "| %s | %s | %s | %s | %s |%n",
              cost.name(),
              cost.points().isEmpty() ? "not run" : cost.describe(),
              Double.isNaN(cost.exponent()) ? "" : String.format("%.2f", cost.exponent()),
              cost.growth(),
              cost.expected()));
    }
    for (GrowthCost cost : growth.costs()) {
      if (cost.points().size() >= 2) {
        md.append("\n![")
            .append(cost.name())
            .append("](")
            .append(Growth.chartName(cost))
            .append(")\n");
      }
    }
    return md.toString();
  }

  private static void row(StringBuilder md, JsonNode run, JsonNode figures) {
    md.append(
        String.format(
            "| %.0f/s | %d | %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.1f | %s |%n",
            run.path("rate").asDouble(),
            run.path("seconds").asLong(),
            figures.path("name").asText(),
            figures.path("total").asLong(),
            figures.path("failed").asLong(),
            figures.path("p50").asDouble(),
            figures.path("p95").asDouble(),
            figures.path("p99").asDouble(),
            figures.path("max").asDouble(),
            figures.path("perSecond").asDouble(),
            run.path("loadAverageBefore").asText()));
  }
}
