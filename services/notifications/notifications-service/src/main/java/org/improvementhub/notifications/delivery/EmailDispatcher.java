package org.improvementhub.notifications.delivery;

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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.improvementhub.councilschemas.AnnouncedCouncilStatuses;
import org.improvementhub.notifications.delivery.CouncilEmailSender.Outcome;
import org.improvementhub.observability.logging.LogContext;
import org.improvementhub.observability.metrics.CouncilMetrics;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every council's due emails, every second or so. Each council gets at most {@code
 * batch-per-council} emails a round, so one council's backlog never holds up the others; a council
 * whose SMTP attempt failed temporarily waits for the next round. While some council has more due
 * than its batch, the next round starts at once. Councils are sent for on {@code workers} threads
 * at once (one council per thread at a time): an email spends most of its time waiting for the SMTP
 * server's replies, so one thread alone left the machine idle (7 emails a second in the bench) and
 * one slow council held up every other.
 *
 * <p>It runs on a thread of its own rather than with {@code @Scheduled}: when the application stops
 * it must stop starting emails and wait for the one in progress to be accepted and marked sent,
 * before the connection pool closes. Otherwise an email could reach the server and stay queued
 * here, and be sent again after a restart.
 */
@Singleton
public class EmailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);

  /** Emails the SMTP server accepted, per council (after the transaction that marks them sent). */
  static final String SENT = "hub.notifications.emails.sent";

  /** Emails given up for good (refused permanently, or out of retries), per council. */
  static final String FAILED = "hub.notifications.emails.failed";

  private final AnnouncedCouncilStatuses councils;
  private final CouncilEmailSender sender;
  private final CommitPathWarmUp warmUp;
  private final CouncilMetrics metrics;
  private final Duration interval;
  private final Duration initialDelay;
  private final int batchPerCouncil;
  private final Duration stopTimeout;
  private final ExecutorService workers;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread dispatcher = new Thread(task, "email-dispatcher");
            dispatcher.setDaemon(true);
            return dispatcher;
          });
  private volatile boolean stopping;
  private volatile boolean backlog;

  public EmailDispatcher(
      AnnouncedCouncilStatuses councils,
      CouncilEmailSender sender,
      CommitPathWarmUp warmUp,
      CouncilMetrics metrics,
      @Value("${hub.notifications.dispatch.interval:1s}") Duration interval,
      @Value("${hub.notifications.dispatch.initial-delay:1s}") Duration initialDelay,
      @Value("${hub.notifications.dispatch.batch-per-council:100}") int batchPerCouncil,
      @Value("${hub.notifications.dispatch.stop-timeout:30s}") Duration stopTimeout,
      @Value("${hub.notifications.dispatch.workers:4}") int workers) {
    this.councils = councils;
    this.sender = sender;
    this.warmUp = warmUp;
    this.metrics = metrics;
    this.interval = interval;
    this.initialDelay = initialDelay;
    this.batchPerCouncil = Math.max(1, batchPerCouncil);
    this.stopTimeout = stopTimeout;
    AtomicInteger number = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            Math.max(1, workers),
            task -> {
              Thread worker = new Thread(task, "email-sender-" + number.incrementAndGet());
              worker.setDaemon(true);
              return worker;
            });
  }

  @EventListener
  void onStartup(StartupEvent event) {
    // on the dispatcher's own thread, so the first round starts only once it is done
    thread.execute(warmUp::run);
    thread.scheduleWithFixedDelay(
        this::dispatchRound,
        initialDelay.toMillis(),
        Math.max(1, interval.toMillis()),
        TimeUnit.MILLISECONDS);
  }

  private void dispatchRound() {
    try {
      // Rounds follow one another without a pause while some council had more due than its
      // batch: the pause is for an idle queue, not a backlog. Each round still gives every
      // council at most its batch, so one council's backlog never holds the others up.
      do {
        backlog = false;
        dispatchAll();
      } while (backlog && !stopping);
    } catch (RuntimeException e) {
      // A failed round (the database away, say) must not end the schedule.
      LOG.error("Email round failed; trying again in {}", interval, e);
    }
  }

  /**
   * Sends what is due in every ready council.
   *
   * @return how many emails were sent
   */
  public int dispatchAll() {
    List<Future<Integer>> rounds = new ArrayList<>();
    // ready here, neither suspended nor archived
    for (CouncilSlug council : councils.councilsAtWork()) {
      if (stopping) {
        break;
      }
      rounds.add(workers.submit(() -> dispatchSafely(council)));
    }
    int sent = 0;
    for (Future<Integer> round : rounds) {
      try {
        sent += round.get();
      } catch (ExecutionException e) {
        LOG.error("An email round failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return sent;
  }

  private int dispatchSafely(CouncilSlug council) {
    // every line written for this council (a refusal, a retry) names it, as a request's lines do
    return LogContext.call(
        Map.of(LogContext.COUNCIL, council.value()),
        () -> {
          try {
            return dispatch(council);
          } catch (RuntimeException e) {
            LOG.error("Emails of council {} could not be sent this round", council, e);
            return 0;
          }
        });
  }

  private int dispatch(CouncilSlug council) {
    int sent = 0;
    int handled = 0;
    try (SendingRound round = CouncilContext.call(council, sender::openRound)) {
      for (; handled < batchPerCouncil && !stopping; handled++) {
        Outcome outcome = sender.sendNextDue(round);
        if (outcome == Outcome.SENT) {
          metrics.count(SENT, council);
          sent++;
        } else if (outcome == Outcome.FAILED) {
          metrics.count(FAILED, council);
        } else {
          break;
        }
      }
    }
    if (handled >= batchPerCouncil) {
      // the council has more due: the next round starts at once rather than an interval later
      backlog = true;
    }
    return sent;
  }

  /**
   * Runs when the application starts to stop, before any bean is destroyed: no new email starts,
   * and the one in progress is finished and recorded.
   */
  @EventListener
  void onShutdown(ShutdownEvent event) {
    stopping = true;
    thread.shutdown();
    workers.shutdown();
    try {
      if (!thread.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)
          || !workers.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("An email was still being sent after {}; it may be sent again", stopTimeout);
        thread.shutdownNow();
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
