package org.improvementhub.faults;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.improvementhub.faults.KillRestartRun.Result;
import org.improvementhub.faults.OutageRun.Fault;
import org.improvementhub.faults.OutageRun.Recovery;
import org.improvementhub.faults.OverdueBatch.Delivered;

/**
 * The benchmark profile of the fault harness, on one stack: {@code runs} SIGKILL-and-restart runs
 * of the notifications service while a batch of overdue emails goes out; one SMTP outage; then
 * {@code outages} stops of the Kafka broker and as many SIGKILLs of PostgreSQL under a steady
 * stream of writes. Prints lost and duplicate emails, and for the outages their length, the writes
 * made during them and their answers, each service's readiness red and green times, events lost and
 * the outbox left; asserts nothing (the {@code *FaultsIT} do).
 *
 * <p>Usage, from the repository root after a build: {@code FaultsBench [--full] [--runs N] [--batch
 * N] [--smtp-minutes M] [--outages N] [--outage-seconds S] [--seed S]}. Without {@code --full} the
 * profile is small (5 runs of 20 emails, a 15-second SMTP outage, one outage of each of 8 s),
 * enough to see that it works; {@code --full} is the benchmark profile (100 runs of 40
 * emails, a 10-minute SMTP outage, 10 outages of each of 10 s). Any option after {@code --full}
 * overrides it. {@code --only} runs some of the phases ({@code kill-restart}, {@code smtp}, {@code
 * kafka}, {@code postgres}), {@code --kill-restart-minutes} stops starting kill-restart runs after
 * that long, {@code --aim-at-acceptance-every N} makes every N-th run kill the moment an email is
 * accepted (see {@link KillRestartRun#aimedAtAcceptance()}), {@code --json} and {@code --logs} say
 * where the figures (as JSON, see {@link FaultsFigures}) and the services' output go.
 */
public final class FaultsBench {

  /** Kill-restart runs that share a council (see {@link OverdueBatch#in}). */
  private static final int RUNS_PER_COUNCIL = 10;

  /** How long the bench waits after the last run before counting every run again. */
  private static final Duration LATE_COPIES = Duration.ofSeconds(5);

  private FaultsBench() {}

  /** The profile's sizes. */
  private record Profile(
      int runs,
      int batch,
      Duration smtpOutage,
      int outages,
      Duration outage,
      long seed,
      Path json,
      Path logs,
      Set<String> phases,
      Duration killRestartBudget,
      int aimEvery) {

    static final List<String> PHASES = List.of("kill-restart", "smtp", "kafka", "postgres");

    static Profile of(String[] args) {
      Map<String, String> options = new LinkedHashMap<>();
      boolean full = false;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("--full")) {
          full = true;
        } else if (args[i].startsWith("--") && i + 1 < args.length) {
          options.put(args[i].substring(2), args[++i]);
        } else {
          throw new IllegalArgumentException(
              "Usage: FaultsBench [--full] [--runs N] [--batch N] [--smtp-minutes M]"
                  + " [--outages N] [--outage-seconds S] [--seed S] [--json FILE] [--logs DIR]"
                  + " [--only kill-restart,smtp,kafka,postgres] [--kill-restart-minutes M]"
                  + " [--aim-at-acceptance-every N];"
                  + " not understood: "
                  + args[i]);
        }
      }
      Function<String, String> option = options::get;
      return new Profile(
          Integer.parseInt(or(option.apply("runs"), full ? "100" : "5")),
          Integer.parseInt(or(option.apply("batch"), full ? "40" : "20")),
          Duration.ofMillis(
              (long)
                  (60_000
                      * Double.parseDouble(
                          or(option.apply("smtp-minutes"), full ? "10" : "0.25")))),
          Integer.parseInt(or(option.apply("outages"), full ? "10" : "1")),
          Duration.ofSeconds(Long.parseLong(or(option.apply("outage-seconds"), full ? "10" : "8"))),
          Long.parseLong(or(option.apply("seed"), String.valueOf(System.nanoTime()))),
          Path.of(or(option.apply("json"), "infra/bench/target/faults.json")),
          Path.of(or(option.apply("logs"), "infra/faults/target/bench-logs")),
          phases(or(option.apply("only"), String.join(",", PHASES))),
          option.apply("kill-restart-minutes") == null
              ? null
              : Duration.ofSeconds(
                  (long) (60 * Double.parseDouble(option.apply("kill-restart-minutes")))),
          Integer.parseInt(or(option.apply("aim-at-acceptance-every"), "0")));
    }

    /** Whether run {@code i} kills the moment an email is accepted rather than at random. */
    boolean aimsAtAcceptance(int i) {
      return aimEvery > 0 && i % aimEvery == 0;
    }

    private static Set<String> phases(String list) {
      Set<String> phases = new LinkedHashSet<>(List.of(list.split(",")));
      if (!PHASES.containsAll(phases)) {
        throw new IllegalArgumentException("--only takes some of " + PHASES + ", not " + list);
      }
      return phases;
    }

    boolean runs(String phase) {
      return phases.contains(phase);
    }

    ObjectNode asJson(boolean full) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("full", full);
      node.put("killRestartRuns", runs);
      node.put("batch", batch);
      node.put("smtpOutageSeconds", smtpOutage.toMillis() / 1000.0);
      node.put("outagesEach", outages);
      node.put("outageSeconds", outage.toMillis() / 1000.0);
      node.put("seed", seed);
      phases.forEach(node.putArray("phases")::add);
      if (killRestartBudget != null) {
        node.put("killRestartMinutes", killRestartBudget.toSeconds() / 60.0);
      }
      node.put("aimAtAcceptanceEvery", aimEvery);
      return node;
    }

    private static String or(String value, String otherwise) {
      return value == null ? otherwise : value;
    }
  }

  public static void main(String[] args) {
    Profile profile = Profile.of(args);
    Path root = Path.of("").toAbsolutePath();
    System.out.printf(
        "Fault harness: %d kill-restart runs of %d overdue emails, an SMTP outage of %s,"
            + " %d Kafka and %d PostgreSQL outages of %s (seed %d; phases %s); load average %s%n",
        profile.runs(),
        profile.batch(),
        profile.smtpOutage(),
        profile.outages(),
        profile.outages(),
        profile.outage(),
        profile.seed(),
        String.join(",", profile.phases()),
        LoadAverage.now());
    FaultsFigures figures =
        new FaultsFigures(
            root.resolve(profile.json()), profile.asJson(List.of(args).contains("--full")));
    long started = System.nanoTime();
    try (FaultStack stack = FaultStack.start(root, root.resolve(profile.logs()))) {
      // a bench stopped with Ctrl-C or kill takes its services, PostgreSQL and broker with it
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
      System.out.printf("stack started in %s%n", since(started));
      if (profile.runs("kill-restart")) {
        killRestart(stack, profile, figures);
      }
      if (profile.runs("smtp")) {
        smtpOutage(stack, profile, figures);
      }
      if (profile.runs("kafka")) {
        outages(stack, profile, OutageRun.brokerStop(stack), figures);
      }
      if (profile.runs("postgres")) {
        outages(stack, profile, OutageRun.databaseCrash(stack), figures);
      }
    }
    figures.finished();
    System.out.printf(
        "done in %s; load average %s; figures in %s%n",
        since(started), LoadAverage.now(), figures.file());
    System.exit(0);
  }

  private static String since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos)
        .truncatedTo(ChronoUnit.SECONDS)
        .toString();
  }

  private static void killRestart(FaultStack stack, Profile profile, FaultsFigures figures) {
    SplittableRandom random = new SplittableRandom(profile.seed());
    List<Result> results = new ArrayList<>();
    CompletionWindows windows = new CompletionWindows();
    int failedInARow = 0;
    FaultCouncil council = null;
    long phaseStarted = System.nanoTime();
    for (int i = 1; i <= profile.runs(); i++) {
      if (profile.killRestartBudget() != null
          && System.nanoTime() - phaseStarted > profile.killRestartBudget().toNanos()) {
        // on a machine too slow for every run: what ran is counted properly rather than cut off
        System.out.printf(
            "kill-restart: time budget of %s used up after %d of %d runs%n",
            profile.killRestartBudget(), i - 1, profile.runs());
        break;
      }
      long began = System.nanoTime();
      Result result;
      try {
        if (council == null || (i - 1) % RUNS_PER_COUNCIL == 0) {
          council = FaultCouncil.create(stack);
        }
        // no wait for late copies after each run: every batch is counted again at the end
        KillRestartRun run =
            new KillRestartRun(
                stack, OverdueBatch.in(council, i, profile.batch()), random, Duration.ZERO);
        result = profile.aimsAtAcceptance(i) ? run.aimedAtAcceptance() : run.run();
        failedInARow = 0;
      } catch (RuntimeException e) {
        // a run that could not be made (a restart that never became healthy, a set-up refused)
        // is a finding too: it is counted and shown, and the bench goes on unless the stack is
        // plainly broken
        figures.killRestartFailed(i, e.toString());
        System.out.printf("run %3d: could not be completed: %s%n", i, e);
        if (++failedInARow == 3) {
          System.out.println("three runs in a row could not be completed; kill-restart stopped");
          break;
        }
        continue;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      results.add(result);
      windows.add(result.windows());
      figures.killRestart(i, result, took);
      figures.completionWindows(windows);
      System.out.printf(
          Locale.ROOT,
          "run %3d: killed %s %2d accepted; expected %d, reached %d, lost %d, duplicates %d"
              + " (%.0f s, load %s; completion window of %d emails: mean %.0f µs, max %.0f µs)%n",
          i,
          result.aimed() ? "the moment of the" : "after",
          result.killedAfter(),
          result.delivered().expected(),
          result.delivered().reached(),
          result.delivered().lost(),
          result.delivered().duplicates(),
          took.toMillis() / 1000.0,
          LoadAverage.now(),
          result.windows().emails(),
          result.windows().meanMicros(),
          result.windows().maxSeconds() * 1e6);
      if (!result.diagnosis().isEmpty()) {
        System.out.println("  lost: " + result.diagnosis());
      }
      result.duplicates().forEach(duplicate -> System.out.println("  sent twice: " + duplicate));
    }
    // counted again after the later runs: a second copy of an email that came late shows now
    Polling.pause(LATE_COPIES);
    List<Delivered> recounted =
        results.stream().map(r -> r.batch().delivered(stack.mail())).toList();
    for (int i = 0; i < results.size(); i++) {
      Delivered first = results.get(i).delivered();
      Delivered again = recounted.get(i);
      if (!again.equals(first)) {
        System.out.printf("  run counted again at the end: %s (first %s)%n", again, first);
        if (again.duplicates() > first.duplicates()) {
          results
              .get(i)
              .batch()
              .duplicates(stack, results.get(i).killedAt())
              .forEach(duplicate -> System.out.println("  sent twice (late): " + duplicate));
        }
      }
    }
    figures.killRestartRecounted(recounted);
    System.out.printf(
        "kill-restart: runs %d, emails expected %d, lost %d, duplicates %d"
            + " (counted again at the end)%n",
        results.size(),
        recounted.stream().mapToInt(Delivered::expected).sum(),
        recounted.stream().mapToInt(Delivered::lost).sum(),
        recounted.stream().mapToInt(Delivered::duplicates).sum());
    if (profile.aimEvery() > 0) {
      int aimedRuns = 0;
      int aimedDuplicates = 0;
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).aimed()) {
          aimedRuns++;
          aimedDuplicates += recounted.get(i).duplicates();
        }
      }
      System.out.printf(
          "kill-restart: of them aimed at the moment an email was accepted: %d runs,"
              + " duplicates %d%n",
          aimedRuns, aimedDuplicates);
    }
    System.out.println(
        "kill-restart: completion windows (final \".\" to COMMIT acknowledged, the killed"
            + " processes' own figures): "
            + windows);
  }

  private static void smtpOutage(FaultStack stack, Profile profile, FaultsFigures figures) {
    SmtpOutageRun.Result result =
        new SmtpOutageRun(stack, profile.batch(), profile.smtpOutage()).run();
    figures.smtpOutage(profile.smtpOutage(), result);
    System.out.printf(
        "smtp outage %s: accepted during outage %d, expected %d, delivered after %d, lost %d,"
            + " duplicates %d, last email %.1f s after the server came back%n",
        profile.smtpOutage(),
        result.duringOutage().received(),
        result.after().expected(),
        result.after().reached(),
        result.after().lost(),
        result.after().duplicates(),
        result.lastEmailAfterReturn().toMillis() / 1000.0);
  }

  private static void outages(
      FaultStack stack, Profile profile, Fault fault, FaultsFigures figures) {
    List<OutageRun.Result> results = new ArrayList<>();
    for (int i = 1; i <= profile.outages(); i++) {
      OutageRun.Result result = new OutageRun(stack, fault, profile.outage()).run();
      results.add(result);
      figures.outages(fault.name(), results);
      System.out.printf("outage %d of %d, %s%n", i, profile.outages(), FaultsReport.of(result));
    }
    if (results.isEmpty()) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%s: runs %d, outage mean %.1f s max %.1f s; writes during the outages %d: 2xx %d, 503 %d,"
            + " other 4xx %d, 5xx %d, no answer %d; events lost %d; acknowledged writes lost %d;"
            + " outbox left %d%n",
        fault.name(),
        results.size(),
        results.stream().mapToLong(r -> r.outage().toMillis()).average().orElse(0) / 1000.0,
        results.stream().mapToLong(r -> r.outage().toMillis()).max().orElse(0) / 1000.0,
        results.stream().mapToInt(r -> r.during().writes()).sum(),
        results.stream().mapToInt(r -> r.during().acknowledged()).sum(),
        results.stream().mapToInt(r -> r.during().unavailable()).sum(),
        results.stream().mapToInt(r -> r.during().otherClientErrors()).sum(),
        results.stream().mapToInt(r -> r.during().serverErrors()).sum(),
        results.stream().mapToInt(r -> r.during().noAnswer()).sum(),
        results.stream().mapToInt(OutageRun.Result::eventsLost).sum(),
        results.stream().mapToInt(OutageRun.Result::acknowledgedMissing).sum(),
        results.stream().mapToLong(OutageRun.Result::outboxLeft).sum());
    Map<String, List<Recovery>> byService = new LinkedHashMap<>();
    results.forEach(
        r ->
            r.readiness()
                .forEach(
                    (service, recovery) ->
                        byService.computeIfAbsent(service, s -> new ArrayList<>()).add(recovery)));
    byService.forEach(
        (service, recoveries) ->
            System.out.printf(
                Locale.ROOT,
                "  %s readiness: red in %d of %d runs (max %.1f s after the fault), green again in"
                    + " %d (max %.1f s after the infrastructure was back)%n",
                service,
                recoveries.stream().filter(r -> r.red() != null).count(),
                recoveries.size(),
                maxSeconds(recoveries.stream().map(Recovery::red).toList()),
                recoveries.stream().filter(r -> r.green() != null).count(),
                maxSeconds(recoveries.stream().map(Recovery::green).toList())));
  }

  private static double maxSeconds(List<Duration> durations) {
    return durations.stream().filter(d -> d != null).mapToLong(Duration::toMillis).max().orElse(0)
        / 1000.0;
  }
}
