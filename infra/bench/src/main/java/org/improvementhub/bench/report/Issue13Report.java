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
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * Writes issue 13's report into a results folder from what {@code run-all.sh} left there: {@code
 * readmix.json} (and {@code soak.json} if a soak ran into the same folder) and the older benches'
 * printed output ({@code oversight.txt}, {@code notifications.txt}, {@code foundation.txt}, {@code
 * startup.txt}). Writes {@code report.md} (every target of the issue: met, not met, or not measured
 * yet), {@code figures.json} (the raw figures) and the PNG charts. A target is never bent to fit: a
 * run smaller or shorter than the target's says "not measured yet" and shows what it did measure.
 *
 * <p>Run: {@code Issue13Report <results folder>}
 */
public final class Issue13Report {

  private static final Pattern SCHEMA_CHECK = Pattern.compile("(\\d+) ms \\((\\d+) schemas\\)");

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
    rows.add(
        TargetRow.notMeasuredYet(
            "the same reads side by side with Redmine 5 (equivalent issue list and issue)",
            "≥ 5× its throughput at equal or better p99",
            "no Redmine anchor yet (infra/bench/anchor/, loaded from target/bench-data.json)"));
    oversight();
    emails();
    provisioning();
    migrationCheck();
    startAndMemory(readMix);
    rows.add(
        TargetRow.notMeasuredYet(
            "the README's full test command on 2 cores",
            "≤ 25 min",
            "run-all.sh does not run the suite"));
    soakRow(soak);
    for (String cost :
        List.of(
            "provisioning",
            "start-up migration check",
            "observer dashboard",
            "overdue scan",
            "email throughput")) {
      rows.add(
          TargetRow.notMeasuredYet(
              "growth: " + cost + " at 10, 50, 153 and 500 councils",
              "flat or linear (worse than linear is fixed)",
              "not run yet: each bench takes the number of councils, run-all.sh does not vary it"));
    }

    if (readMix.isPresent()) {
      LoadCharts.latencyAgainstLoad(readMix.get(), folder.resolve("latency-vs-load.png"));
      LoadCharts.memoryAgainstLoad(readMix.get(), folder.resolve("memory-vs-load.png"));
    }
    ArrayNode rowNodes = figures.putArray("targets");
    rows.forEach(r -> rowNodes.add(json.valueToTree(r)));
    json.writeValue(folder.resolve("figures.json").toFile(), figures);
    Path report = folder.resolve("report.md");
    Files.writeString(report, markdown(readMix, soak));
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

  private void oversight() {
    String dashboard = "observer dashboard over 153 councils × 300 actions";
    String freshness = "freshness: a progress report → visible on the observer dashboard";
    Optional<BenchOutput> out = BenchOutput.in(folder, "oversight");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(dashboard, "p95 ≤ 20 ms", "run-oversight.sh not run"));
      rows.add(TargetRow.notMeasuredYet(freshness, "p99 ≤ 2 s", "run-oversight.sh not run"));
      return;
    }
    BenchOutput o = out.get();
    int councils = (int) o.number("Oversight bench: (\\d+) councils").orElse(0);
    int actions = (int) o.number("councils x (\\d+) actions").orElse(0);
    boolean fullSize = councils >= 153 && actions >= 300;
    String size = councils + " × " + actions;
    OptionalDouble readersP95 = o.percentile("Observer dashboard, all councils (", "95");
    OptionalDouble aloneP95 = o.percentile("Observer dashboard, all councils (1 reader)", "95");
    Optional<String> readersLine = o.line("Observer dashboard, all councils (");
    ObjectNode node = figures.putObject("oversight");
    node.put("councils", councils).put("actions", actions);
    readersP95.ifPresent(v -> node.put("dashboardP95UnderReadersMs", v));
    aloneP95.ifPresent(v -> node.put("dashboardP95AloneMs", v));
    if (readersP95.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(dashboard, "p95 ≤ 20 ms", "no dashboard line printed"));
    } else {
      String measured =
          String.format(
              "p95 %.0f ms under concurrent readers (%s), %s alone; at %s",
              readersP95.getAsDouble(),
              readersLine.map(l -> l.replaceAll(".*\\((\\d+) readers\\).*", "$1")).orElse("?"),
              aloneP95.isPresent() ? String.format("%.0f ms", aloneP95.getAsDouble()) : "?",
              size);
      rows.add(
          fullSize
              ? new TargetRow(
                  dashboard, "p95 ≤ 20 ms", measured, Verdict.of(readersP95.getAsDouble() <= 20))
              : new TargetRow(
                  dashboard,
                  "p95 ≤ 20 ms",
                  measured + " (smaller than 153 × 300)",
                  Verdict.NOT_MEASURED_YET));
    }
    OptionalDouble fresh = o.percentile("Freshness", "99");
    fresh.ifPresent(v -> node.put("freshnessP99Ms", v));
    rows.add(
        fresh.isEmpty()
            ? TargetRow.notMeasuredYet(freshness, "p99 ≤ 2 s", "no freshness line printed")
            : new TargetRow(
                freshness,
                "p99 ≤ 2 s",
                String.format("p99 %.0f ms at %s", fresh.getAsDouble(), size),
                Verdict.of(fresh.getAsDouble() <= 2000)));
  }

  private void emails() {
    String measure =
        "30,600 overdue emails (153 councils × 200) to a local SMTP server, scan → last accepted";
    String target = "≤ 60 s, none twice";
    Optional<BenchOutput> out = BenchOutput.in(folder, "notifications");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, target, "run-notifications.sh not run"));
      return;
    }
    BenchOutput o = out.get();
    OptionalDouble emails = o.number("\\((\\d+) emails\\)");
    OptionalDouble seconds = o.number("Scan -> last email accepted by SMTP:\\s+([0-9.]+) s");
    OptionalDouble duplicates = o.number("duplicates: (\\d+)");
    if (emails.isEmpty() || seconds.isEmpty() || duplicates.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, target, "the bench printed no figures"));
      return;
    }
    figures
        .putObject("notifications")
        .put("emails", emails.getAsDouble())
        .put("scanToLastAcceptedSeconds", seconds.getAsDouble())
        .put("duplicates", duplicates.getAsDouble());
    String measured =
        String.format(
            "%.1f s for %.0f emails, %.0f duplicates",
            seconds.getAsDouble(), emails.getAsDouble(), duplicates.getAsDouble());
    boolean met = seconds.getAsDouble() <= 60 && duplicates.getAsDouble() == 0;
    rows.add(
        emails.getAsDouble() >= 30_600
            ? new TargetRow(measure, target, measured, Verdict.of(met))
            : new TargetRow(
                measure, target, measured + " (fewer than 30,600)", Verdict.NOT_MEASURED_YET));
  }

  private void provisioning() {
    String measure = "provisioning one council until every service is ready";
    Optional<BenchOutput> out = BenchOutput.in(folder, "foundation");
    OptionalDouble p95 =
        out.map(o -> o.percentile("Provisioning (POST /councils to ACTIVE)", "95"))
            .orElse(OptionalDouble.empty());
    if (p95.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, "p95 ≤ 1 s", "run.sh (foundation) not run"));
      return;
    }
    figures.putObject("provisioning").put("p95Ms", p95.getAsDouble());
    rows.add(
        new TargetRow(
            measure,
            "p95 ≤ 1 s",
            String.format("p95 %.0f ms", p95.getAsDouble()),
            Verdict.of(p95.getAsDouble() <= 1000)));
  }

  private void migrationCheck() {
    String measure = "start-up migration check, 153 councils, per service";
    Optional<BenchOutput> out = BenchOutput.in(folder, "startup");
    if (out.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(measure, "≤ 10 s", "run-startup.sh not run"));
      return;
    }
    Matcher m = SCHEMA_CHECK.matcher(out.get().text());
    double worst = -1;
    int schemas = 0;
    while (m.find()) {
      worst = Math.max(worst, Double.parseDouble(m.group(1)));
      schemas = Integer.parseInt(m.group(2));
    }
    if (worst < 0) {
      rows.add(TargetRow.notMeasuredYet(measure, "≤ 10 s", "no schema check line printed"));
      return;
    }
    figures.putObject("migrationCheck").put("worstMs", worst).put("schemas", schemas);
    String measured = String.format("slowest service %.0f ms (%d schemas)", worst, schemas);
    rows.add(
        schemas >= 153
            ? new TargetRow(measure, "≤ 10 s", measured, Verdict.of(worst <= 10_000))
            : new TargetRow(
                measure, "≤ 10 s", measured + " (fewer than 153)", Verdict.NOT_MEASURED_YET));
  }

  private void startAndMemory(Optional<JsonNode> readMix) {
    String start = "each service: start";
    String memory = "each service: resident memory under the 300 rps load";
    if (readMix.isEmpty()) {
      rows.add(TargetRow.notMeasuredYet(start, "≤ 2 s", "ReadMix not run"));
      rows.add(TargetRow.notMeasuredYet(memory, "≤ 300 MB", "ReadMix not run"));
      return;
    }
    JsonNode healthy = readMix.get().path("secondsToHealthy");
    double slowest = 0;
    StringBuilder each = new StringBuilder();
    for (var it = healthy.fields(); it.hasNext(); ) {
      var e = it.next();
      slowest = Math.max(slowest, e.getValue().asDouble());
      each.append(String.format("%s %.1f s, ", e.getKey(), e.getValue().asDouble()));
    }
    rows.add(
        new TargetRow(
            start,
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
    md.append(
        "\n## Not measured yet (hooks)\n\n"
            + "- Redmine beside us: `infra/bench/anchor/` will install Debian's redmine, load"
            + " `infra/bench/target/bench-data.json` (the same councils, plans and actions the load"
            + " used) and run `ReadMix`'s equivalent against it; a `redmine.json` in this folder"
            + " will fill the second row.\n"
            + "- Growth at 10, 50, 153 and 500 councils: run each bench at each size into this"
            + " folder (`<bench>-<councils>.txt`) and chart cost against councils.\n"
            + "- The README's test command: time `.ci/run` on a quiet 2-core machine.\n");
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
