package org.improvementhub.notifications.schedule;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.improvementhub.councilschemas.AnnouncedCouncilStatuses;
import org.improvementhub.messaging.schedule.RecurringWork;
import org.improvementhub.observability.logging.LogContext;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every council's schedule and weekly digests every {@code
 * hub.notifications.schedule.interval}: the passing of days (a reminder day reached, a due date
 * passed, a new week) changes what is due without any event. Each council in transactions of its
 * own; a scan run again the same day queues nothing new.
 *
 * <p>Councils are scanned {@code hub.notifications.schedule.councils-at-once} at a time (2 by
 * default): a council's emails can be sent only once its scan commits, so with one council after
 * another the senders waited on a single thread while the other core idled (issue 13). Each council
 * is still one transaction, so a crash part-way loses nothing: the next scan queues what is
 * missing.
 */
@Singleton
public class ScheduleScan {

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleScan.class);

  private final AnnouncedCouncilStatuses councils;
  private final CouncilSchedule schedule;
  private final WeeklyDigests digests;
  private final Duration interval;
  private final Duration initialDelay;
  private final ExecutorService scanners;
  private RecurringWork work;

  public ScheduleScan(
      AnnouncedCouncilStatuses councils,
      CouncilSchedule schedule,
      WeeklyDigests digests,
      @Value("${hub.notifications.schedule.interval:15m}") Duration interval,
      @Value("${hub.notifications.schedule.initial-delay:5s}") Duration initialDelay,
      @Value("${hub.notifications.schedule.councils-at-once:2}") int councilsAtOnce) {
    this.councils = councils;
    this.schedule = schedule;
    this.digests = digests;
    this.interval = interval;
    this.initialDelay = initialDelay;
    AtomicInteger number = new AtomicInteger();
    this.scanners =
        Executors.newFixedThreadPool(
            Math.max(1, councilsAtOnce),
            task -> {
              Thread scanner = new Thread(task, "schedule-scan-" + number.incrementAndGet());
              scanner.setDaemon(true);
              return scanner;
            });
  }

  @EventListener
  void onStartup(StartupEvent event) {
    work = RecurringWork.start("schedule-scan", initialDelay, interval, this::scanAll);
  }

  @EventListener
  void onShutdown(ShutdownEvent event) {
    if (work != null) {
      work.stop(Duration.ofSeconds(30));
    }
    scanners.shutdownNow();
  }

  /**
   * Scans every ready council.
   *
   * @return how many emails were queued
   */
  public int scanAll() {
    List<Future<Integer>> scans = new ArrayList<>();
    // ready here, neither suspended nor archived
    for (CouncilSlug council : councils.councilsAtWork()) {
      // every line written for this council names it, as a request's lines do
      scans.add(
          scanners.submit(
              () ->
                  LogContext.call(
                      Map.of(LogContext.COUNCIL, council.value()), () -> scan(council))));
    }
    int queued = 0;
    for (Future<Integer> scan : scans) {
      try {
        queued += scan.get();
      } catch (ExecutionException e) {
        LOG.error("A council's schedule could not run this round", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        scans.forEach(waiting -> waiting.cancel(false));
        break;
      }
    }
    return queued;
  }

  private int scan(CouncilSlug council) {
    try {
      return CouncilContext.call(council, () -> schedule.scan(council))
          + CouncilContext.call(council, () -> digests.queue(council));
    } catch (RuntimeException e) {
      LOG.error("Schedule of council {} could not run this round", council, e);
      return 0;
    }
  }
}
