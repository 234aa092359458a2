package org.improvementhub.plans.overdue;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.improvementhub.councilschemas.AnnouncedCouncilStatuses;
import org.improvementhub.observability.logging.LogContext;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily overdue scan over every council this service serves: on a schedule (06:30 UK time by
 * default), shortly after start-up (so a restart never skips a day), and on request. "Today" is the
 * UK date from the injected clock.
 */
@Singleton
public class OverdueScan {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueScan.class);
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final AnnouncedCouncilStatuses councils;
  private final CouncilOverdueScan councilScan;
  private final Clock clock;

  public OverdueScan(
      AnnouncedCouncilStatuses councils, CouncilOverdueScan councilScan, Clock clock) {
    this.councils = councils;
    this.councilScan = councilScan;
    this.clock = clock;
  }

  @Scheduled(cron = "${hub.plans.overdue-scan.cron:0 30 6 * * *}", zoneId = "Europe/London")
  void daily() {
    scanAll();
  }

  @Scheduled(initialDelay = "${hub.plans.overdue-scan.after-start:15s}")
  void afterStart() {
    scanAll();
  }

  /**
   * Scans every ready council.
   *
   * @return how many actions fell overdue
   */
  public int scanAll() {
    int total = 0;
    // ready here, neither suspended nor archived
    for (CouncilSlug council : councils.councilsAtWork()) {
      try {
        total += scan(council);
      } catch (RuntimeException e) {
        LOG.error("Overdue scan failed for council {}", council, e);
      }
    }
    return total;
  }

  /** Scans one council now. */
  public int scan(CouncilSlug council) {
    // every line written for this council names it, as a request's lines do
    return LogContext.call(
        Map.of(LogContext.COUNCIL, council.value()),
        () -> {
          LocalDate today = LocalDate.now(clock.withZone(UK));
          int found = CouncilContext.call(council, () -> councilScan.scan(council, today));
          if (found > 0) {
            LOG.info("{} actions fell overdue in {}", found, council);
          }
          return found;
        });
  }
}
