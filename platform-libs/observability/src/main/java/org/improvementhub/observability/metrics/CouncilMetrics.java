package org.improvementhub.observability.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.improvementhub.tenancy.context.CouncilSlug;

/**
 * Counts business events per council ({@code hub.notifications.emails.sent} for {@code walsall}),
 * and holds per-council gauges ({@code hub.plans.actions.overdue}).
 *
 * <p>The {@code council} tag is safe for Prometheus because councils are bounded (about 160 in
 * England): never tag with anything unbounded (a user, an action, an email address), which would
 * also put personal data into the metrics.
 */
@Singleton
public class CouncilMetrics {

  /** The tag naming the council. */
  public static final String COUNCIL = "council";

  private static final Pattern NAME = Pattern.compile("^hub(\\.[a-z][a-z0-9_]*){2,}$");

  private final MeterRegistry registry;
  // Micrometer holds a gauge's value weakly: these keep each one alive for the registry's life
  private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

  public CouncilMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * The gauge {@code name} for {@code council}: set it to what is true now (actions overdue).
   *
   * @throws IllegalArgumentException if the name does not follow {@code hub.<service>.<thing>}
   */
  public AtomicLong gauge(String name, CouncilSlug council) {
    checkName(name);
    return gauges.computeIfAbsent(
        name + " " + council.value(),
        key -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder(name, value, AtomicLong::get)
              .tag(COUNCIL, council.value())
              .register(registry);
          return value;
        });
  }

  /** Adds one to {@code name} for {@code council}. */
  public void count(String name, CouncilSlug council) {
    counter(name, council).increment();
  }

  /**
   * The counter {@code name} for {@code council}, with optional extra tags as key/value pairs of
   * bounded values (an outcome, a kind of email).
   *
   * @throws IllegalArgumentException if the name does not follow {@code hub.<service>.<thing>}
   */
  public Counter counter(String name, CouncilSlug council, String... tags) {
    checkName(name);
    return Counter.builder(name)
        .tags(Tags.of(tags).and(COUNCIL, council.value()))
        .register(registry);
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Metric names are hub.<service>.<thing> in dotted lower case: " + name);
    }
  }
}
