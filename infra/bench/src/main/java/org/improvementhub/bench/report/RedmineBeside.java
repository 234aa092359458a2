package org.improvementhub.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.improvementhub.bench.report.TargetRow.Verdict;

/**
 * Issue 13's second row: the same read mix, sent by the same tool at the same rates, to Redmine 5
 * ({@code redmine.json}) and to us ({@code readmix.json}). Throughput is compared at equal p99: a
 * side's best throughput is the most operations per second it served at a rate where nothing failed
 * and nothing was left unanswered; its p99 is the worst of its three kinds' p99 at that rate (a
 * Redmine plan tree is its pages one after another, timed together). The target is met when we
 * serve at least 5× Redmine's best throughput with a p99 no worse than Redmine's at that rate.
 */
final class RedmineBeside {

  static final String MEASURE =
      "the same reads side by side with Redmine 5 (equivalent issue list and issue)";
  static final String TARGET = "≥ 5× its throughput at equal or better p99";

  /** A side's best clean rate: operations served per second and the worst kind's p99 there. */
  record Best(double rate, double perSecond, double p99, boolean clean) {}

  private RedmineBeside() {}

  static TargetRow row(Optional<JsonNode> redmine, Optional<JsonNode> readMix) {
    if (redmine.isEmpty()) {
      return TargetRow.notMeasuredYet(MEASURE, TARGET, "Redmine was not run (run-all.sh)");
    }
    if (redmine.get().has("skipped")) {
      return TargetRow.notMeasuredYet(
          MEASURE, TARGET, "not measured: " + redmine.get().path("skipped").asText());
    }
    if (readMix.isEmpty()) {
      return TargetRow.notMeasuredYet(MEASURE, TARGET, "our read mix did not run");
    }
    Best theirs = best(redmine.get(), true);
    if (theirs == null) {
      return TargetRow.notMeasuredYet(MEASURE, TARGET, "Redmine answered nothing");
    }
    Best ours = bestWithin(readMix.get(), theirs.p99());
    String measured =
        String.format(
            "Redmine: %.1f operations/s at %.0f/s asked, p99 %.0f ms%s; us at p99 ≤ %.0f ms: %s",
            theirs.perSecond(),
            theirs.rate(),
            theirs.p99(),
            theirs.clean() ? "" : " (saturated at every rate: errors or arrivals unanswered)",
            theirs.p99(),
            ours == null
                ? "no clean rate"
                : String.format(
                    "%.1f/s at %.0f/s asked (%.1f×)",
                    ours.perSecond(), ours.rate(), ours.perSecond() / theirs.perSecond()));
    boolean met = ours != null && ours.perSecond() >= 5 * theirs.perSecond();
    long seconds = readMix.get().path("runs").path(0).path("seconds").asLong();
    return seconds < 60
        ? new TargetRow(MEASURE, TARGET, measured + " (runs under 60 s)", Verdict.NOT_MEASURED_YET)
        : new TargetRow(MEASURE, TARGET, measured, Verdict.of(met));
  }

  /**
   * Redmine's best: the highest throughput at a clean rate; when no rate was clean (saturated
   * everywhere), the highest throughput at any rate, with its p99.
   */
  static Best best(JsonNode redmine, boolean allowSaturated) {
    Best best = null;
    Best saturated = null;
    for (JsonNode run : redmine.path("runs")) {
      boolean clean = run.path("failed").asLong() == 0 && run.path("unanswered").asLong() == 0;
      Best b =
          new Best(
              run.path("rate").asDouble(),
              run.path("operationsPerSecond").asDouble(),
              run.path("worstP99").asDouble(),
              clean);
      if (clean && (best == null || b.perSecond() > best.perSecond())) {
        best = b;
      }
      if (saturated == null || b.perSecond() > saturated.perSecond()) {
        saturated = b;
      }
    }
    return best != null ? best : allowSaturated ? saturated : null;
  }

  /** Our highest throughput at a clean rate whose worst kind's p99 is within {@code p99}. */
  static Best bestWithin(JsonNode readMix, double p99) {
    Best best = null;
    for (JsonNode run : readMix.path("runs")) {
      double worst = 0;
      for (JsonNode request : run.path("requests")) {
        worst = Math.max(worst, request.path("p99").asDouble());
      }
      boolean clean =
          run.path("all").path("failed").asLong() == 0 && Issue13Report.unanswered(run) == 0;
      double perSecond = run.path("all").path("perSecond").asDouble();
      if (clean && worst <= p99 && (best == null || perSecond > best.perSecond())) {
        best = new Best(run.path("rate").asDouble(), perSecond, worst, true);
      }
    }
    return best;
  }

  /** Both sides rate by rate, and the reminders beside our overdue emails. */
  static String markdown(
      Optional<JsonNode> redmine,
      Optional<JsonNode> readMix,
      Optional<JsonNode> reminders,
      Optional<JsonNode> ourEmails) {
    StringBuilder md = new StringBuilder("\n## Redmine beside us\n\n");
    if (redmine.isPresent() && redmine.get().has("skipped")) {
      return md.append("Not measured: ")
          .append(redmine.get().path("skipped").asText())
          .append("\n")
          .toString();
    }
    if (redmine.isEmpty()) {
      return md.append("Not run in this folder.\n").toString();
    }
    md.append(
        String.format(
            "The same Gatling read mix at the same rates: Redmine 5 (Debian's package, Puma %s"
                + " workers × %s threads, its own PostgreSQL) loaded with the same plans by"
                + " `infra/bench/anchor/`, then us. A Redmine plan tree is the plan's pages of"
                + " 100 one after another; operations per second count a list, a whole plan or"
                + " one issue each. p99 is the worst of the three kinds'.%n%n",
            redmine.get().path("pumaWorkers").asText(),
            redmine.get().path("pumaThreads").asText()));
    md.append(
        "| rate asked | system | operations answered | errors | never answered | answered well /s |"
            + " list p99 ms | plan p99 ms | one p99 ms | load average before |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode run : redmine.get().path("runs")) {
      double rate = run.path("rate").asDouble();
      md.append(
          String.format(
              "| %.0f/s | Redmine | %d | %d | %d | %.1f | %s | %s | %s | %s |%n",
              rate,
              run.path("operations").asLong(),
              run.path("failed").asLong(),
              run.path("unanswered").asLong(),
              run.path("operationsPerSecond").asDouble(),
              p99(run, "action list of 100"),
              p99(run, "plan tree"),
              p99(run, "one action"),
              run.path("loadAverageBefore").asText()));
      readMix.ifPresent(
          r -> {
            for (JsonNode ours : r.path("runs")) {
              if (ours.path("rate").asDouble() == rate) {
                md.append(
                    String.format(
                        "| %.0f/s | us | %d | %d | %d | %.1f | %s | %s | %s | %s |%n",
                        rate,
                        ours.path("all").path("total").asLong(),
                        ours.path("all").path("failed").asLong(),
                        Issue13Report.unanswered(ours),
                        answeredWell(ours.path("all")),
                        p99(ours, "action list of 100"),
                        p99(ours, "plan tree"),
                        p99(ours, "one action"),
                        ours.path("loadAverageBefore").asText()));
              }
            }
          });
    }
    md.append("\n### Overdue reminders beside our overdue emails\n\n");
    if (reminders.isEmpty()) {
      md.append("Redmine's reminders were not run.\n");
      return md.toString();
    }
    JsonNode r = reminders.get();
    JsonNode in = r.path("inProcess");
    md.append(
        "| system | overdue actions | emails | scan → last accepted | a second run emails again |\n"
            + "|---|---|---|---|---|\n");
    md.append(
        String.format(
            "| Redmine `Mailer.reminders(days: 0)` in one process (then the operator's `rake"
                + " redmine:send_reminders` for %d of those assignees: %.1f s with its Rails boot)"
                + " | %d | %d (one per assignee, listing their issues) | %.1f s (load average %s)"
                + " | %d of the %d assignees asked again |%n",
            r.path("rake").path("users").asLong(),
            r.path("rake").path("seconds").asDouble(),
            in.path("redmineScope").asLong(),
            in.path("emails").asLong(),
            in.path("scanToLastAcceptedSeconds").asDouble(),
            in.path("loadAverage").asText(),
            r.path("resentOnSecondRun").asLong(),
            r.path("secondRunAsked").asLong()));
    ourEmails.ifPresent(
        o ->
            md.append(
                String.format(
                    "| us (notifications bench) | %d | %d (one per action's lead) | %.1f s (load"
                        + " average %s) | none: %d received twice |%n",
                    o.path("emails").asLong(),
                    o.path("received").asLong(),
                    o.path("scanToLastAcceptedSeconds").asDouble(),
                    o.path("loadAverageBefore").asText(),
                    o.path("duplicates").asLong())));
    return md.toString();
  }

  /** Gatling's rate counts failures too: only the requests answered well. */
  static double answeredWell(JsonNode figures) {
    long total = figures.path("total").asLong();
    return total == 0
        ? 0
        : figures.path("perSecond").asDouble() * (total - figures.path("failed").asLong()) / total;
  }

  private static String p99(JsonNode run, String name) {
    for (JsonNode request : run.path("requests")) {
      if (request.path("name").asText().equals(name)) {
        // none answered (a plan needs all its pages before the run's hard stop): no figure
        return request.path("total").asLong() == 0
            ? "none answered"
            : String.format("%.0f", request.path("p99").asDouble());
      }
    }
    return "";
  }
}
