package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load's rise before the measured run, as steps of {@code seconds@rate} ({@code
 * -Dload.warmup=30@50,60@150,60@225,60@300}); none when the property is absent. It runs in the same
 * Gatling JVM as the measured load, so that neither the load generator's own compilation nor its
 * new connections fall in the measured window.
 */
public record WarmUp(List<Step> steps) {

  /** One step: {@code rate} arrivals per second for {@code seconds}. */
  public record Step(long seconds, double rate) {

    public Step {
      if (seconds <= 0 || rate <= 0 || rate > 5_000) {
        throw new IllegalArgumentException(
            "load.warmup steps are seconds@rate, each above 0 (rate at most 5000)");
      }
    }
  }

  public WarmUp {
    steps = List.copyOf(steps);
  }

  public static WarmUp fromSystemProperty() {
    return parse(System.getProperty("load.warmup", ""));
  }

  static WarmUp parse(String text) {
    List<Step> steps = new ArrayList<>();
    for (String step : text.split(",")) {
      if (step.isBlank()) {
        continue;
      }
      String[] parts = step.strip().split("@");
      if (parts.length != 2) {
        throw new IllegalArgumentException("load.warmup step '" + step + "' is not seconds@rate");
      }
      steps.add(new Step(Long.parseLong(parts[0].strip()), Double.parseDouble(parts[1].strip())));
    }
    return new WarmUp(steps);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }

  public Duration duration() {
    return Duration.ofSeconds(steps.stream().mapToLong(Step::seconds).sum());
  }

  /** Gatling's open-model injection for the steps, one after another. */
  public List<OpenInjectionStep> injection() {
    return steps.stream()
        .<OpenInjectionStep>map(
            s -> constantUsersPerSec(s.rate()).during(Duration.ofSeconds(s.seconds())))
        .toList();
  }
}
