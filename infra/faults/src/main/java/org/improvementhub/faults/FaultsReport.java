package org.improvementhub.faults;

import java.time.Duration;
import java.util.Locale;
import org.improvementhub.faults.OutageRun.Answers;
import org.improvementhub.faults.OutageRun.Result;

/** An outage run's figures as the bench and the tests print them. */
final class FaultsReport {

  private FaultsReport() {}

  static String of(Result result) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s: outage %.1f s; during it %s; whole run %s%n",
            result.fault(),
            seconds(result.outage()),
            answers(result.during()),
            answers(result.all())));
    text.append("  readiness (red after the fault began / green after it ended):");
    result
        .readiness()
        .forEach(
            (service, recovery) ->
                text.append(' ')
                    .append(service)
                    .append(' ')
                    .append(time(recovery.red()))
                    .append('/')
                    .append(time(recovery.green())));
    text.append(System.lineSeparator());
    for (WrittenRecords.Council council : result.councils()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %s: actions %d, in oversight %d; measure values %d, in oversight %d;"
                  + " latest notes behind %d; acknowledged writes missing %d%n",
              council.council(),
              council.actions(),
              council.actionsObserved(),
              council.values(),
              council.valuesObserved(),
              council.notesBehind(),
              council.acknowledgedMissing()));
      if (!council.notesBehindDetail().isEmpty()) {
        text.append("   ").append(council.notesBehindDetail()).append(System.lineSeparator());
      }
    }
    text.append(
        String.format(
            Locale.ROOT,
            "  events lost %d, acknowledged writes lost %d, outbox left %d",
            result.eventsLost(),
            result.acknowledgedMissing(),
            result.outboxLeft()));
    return text.toString();
  }

  static String answers(Answers answers) {
    return String.format(
        Locale.ROOT,
        "%d writes: 2xx %d, 503 %d, other 4xx %d, 5xx %d, no answer %d, not problem+json %d,"
            + " slowest %.1f s",
        answers.writes(),
        answers.acknowledged(),
        answers.unavailable(),
        answers.otherClientErrors(),
        answers.serverErrors(),
        answers.noAnswer(),
        answers.notProblemJson(),
        seconds(answers.slowest()));
  }

  private static String time(Duration duration) {
    return duration == null ? "never" : String.format(Locale.ROOT, "%.1fs", seconds(duration));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
