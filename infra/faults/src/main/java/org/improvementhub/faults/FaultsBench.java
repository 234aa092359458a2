package org.improvementhub.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.improvementhub.faults.KillRestartRun.Result;
import org.improvementhub.faults.OutageRun.Fault;
import org.improvementhub.faults.OutageRun.Recovery;

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
 * overrides it.
 */
public final class FaultsBench {

  private FaultsBench() {}

  /** The profile's sizes. */
  private record Profile(
      int runs, int batch, Duration smtpOutage, int outages, Duration outage, long seed) {

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
                  + " [--outages N] [--outage-seconds S] [--seed S]; not understood: "
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
          Long.parseLong(or(option.apply("seed"), String.valueOf(System.nanoTime()))));
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
            + " %d Kafka and %d PostgreSQL outages of %s (seed %d)%n",
        profile.runs(),
        profile.batch(),
        profile.smtpOutage(),
        profile.outages(),
        profile.outages(),
        profile.outage(),
        profile.seed());
    try (FaultStack stack =
        FaultStack.start(root, root.resolve("infra/faults/target/bench-logs"))) {
      killRestart(stack, profile);
      smtpOutage(stack, profile);
      outages(stack, profile, OutageRun.brokerStop(stack));
      outages(stack, profile, OutageRun.databaseCrash(stack));
    }
    System.exit(0);
  }

  private static void killRestart(FaultStack stack, Profile profile) {
    SplittableRandom random = new SplittableRandom(profile.seed());
    List<Result> results = new ArrayList<>();
    for (int i = 1; i <= profile.runs(); i++) {
      Result result = new KillRestartRun(stack, profile.batch(), random).run();
      results.add(result);
      System.out.printf(
          "run %3d: killed after %2d accepted; expected %d, reached %d, lost %d, duplicates %d%n",
          i,
          result.killedAfter(),
          result.delivered().expected(),
          result.delivered().reached(),
          result.delivered().lost(),
          result.delivered().duplicates());
      if (!result.diagnosis().isEmpty()) {
        System.out.println("  lost: " + result.diagnosis());
      }
    }
    System.out.printf(
        "kill-restart: runs %d, emails expected %d, lost %d, duplicates %d%n",
        results.size(),
        results.stream().mapToInt(r -> r.delivered().expected()).sum(),
        results.stream().mapToInt(r -> r.delivered().lost()).sum(),
        results.stream().mapToInt(r -> r.delivered().duplicates()).sum());
  }

  private static void smtpOutage(FaultStack stack, Profile profile) {
    SmtpOutageRun.Result result =
        new SmtpOutageRun(stack, profile.batch(), profile.smtpOutage()).run();
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

  private static void outages(FaultStack stack, Profile profile, Fault fault) {
    List<OutageRun.Result> results = new ArrayList<>();
    for (int i = 1; i <= profile.outages(); i++) {
      OutageRun.Result result = new OutageRun(stack, fault, profile.outage()).run();
      results.add(result);
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
