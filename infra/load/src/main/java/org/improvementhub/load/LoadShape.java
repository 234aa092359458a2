package org.improvementhub.load;

import java.time.Duration;

/**
 * How much load, for how long: {@code -Dload.rate} requests per second (each a new arrival of the
 * open model) for {@code -Dload.seconds}. Gatling stops the run at {@link #limit()} whatever is
 * still in flight, so a stack that stops answering cannot keep the bench waiting.
 */
public record LoadShape(double ratePerSecond, Duration duration) {

  public LoadShape {
    if (ratePerSecond <= 0 || ratePerSecond > 5_000) {
      throw new IllegalArgumentException("load.rate must be above 0 and at most 5000");
    }
    if (duration.isNegative() || duration.isZero() || duration.toHours() >= 2) {
      throw new IllegalArgumentException("load.seconds must be above 0 and under 2 hours");
    }
  }

  /** The shape the system properties ask for, with these defaults. */
  public static LoadShape fromSystemProperties(double defaultRate, Duration defaultDuration) {
    double rate = Double.parseDouble(System.getProperty("load.rate", String.valueOf(defaultRate)));
    long seconds =
        Long.parseLong(
            System.getProperty("load.seconds", String.valueOf(defaultDuration.toSeconds())));
    return new LoadShape(rate, Duration.ofSeconds(seconds));
  }

  /** The run's hard stop: the arrivals' time plus half a minute for the last answers. */
  public Duration limit() {
    return duration.plusSeconds(30);
  }
}
