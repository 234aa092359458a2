package org.improvementhub.oversight.tally;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The day and reporting period as councils in England count them: UK time. */
@Singleton
public class ReportingDay {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final Clock clock;

  public ReportingDay(Clock clock) {
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }

  /** The reporting period (month) an event that happened at {@code at} falls in. */
  public static YearMonth periodOf(Instant at) {
    return YearMonth.from(at.atZone(UK));
  }
}
