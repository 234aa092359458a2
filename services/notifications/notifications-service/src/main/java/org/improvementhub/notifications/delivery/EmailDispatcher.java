package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.improvementhub.councilschemas.CouncilSchemaRegistry;
import org.improvementhub.notifications.delivery.CouncilEmailSender.Outcome;
import org.improvementhub.tenancy.context.CouncilContext;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.KnownCouncils.CouncilSchemaState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every council's due emails, every second or so. Each council gets at most {@code
 * batch-per-council} emails a round, so one council's backlog never holds up the others; a council
 * whose SMTP attempt failed temporarily waits for the next round.
 *
 * <p>It runs on a thread of its own rather than with {@code @Scheduled}: when the application stops
 * it must stop starting emails and wait for the one in progress to be accepted and marked sent,
 * before the connection pool closes. Otherwise an email could reach the server and stay queued
 * here, and be sent again after a restart.
 */
@Singleton
public class EmailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);

  private final CouncilSchemaRegistry councils;
  private final CouncilEmailSender sender;
  private final Duration interval;
  private final Duration initialDelay;
  private final int batchPerCouncil;
  private final Duration stopTimeout;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread dispatcher = new Thread(task, "email-dispatcher");
            dispatcher.setDaemon(true);
            return dispatcher;
          });
  private volatile boolean stopping;

  public EmailDispatcher(
      CouncilSchemaRegistry councils,
      CouncilEmailSender sender,
      @Value("${hub.notifications.dispatch.interval:1s}") Duration interval,
      @Value("${hub.notifications.dispatch.initial-delay:1s}") Duration initialDelay,
      @Value("${hub.notifications.dispatch.batch-per-council:100}") int batchPerCouncil,
      @Value("${hub.notifications.dispatch.stop-timeout:30s}") Duration stopTimeout) {
    this.councils = councils;
    this.sender = sender;
    this.interval = interval;
    this.initialDelay = initialDelay;
    this.batchPerCouncil = Math.max(1, batchPerCouncil);
    this.stopTimeout = stopTimeout;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    thread.scheduleWithFixedDelay(
        this::dispatchRound,
        initialDelay.toMillis(),
        Math.max(1, interval.toMillis()),
        TimeUnit.MILLISECONDS);
  }

  private void dispatchRound() {
    try {
      dispatchAll();
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
    int sent = 0;
    for (CouncilSlug council : councils.knownCouncils()) {
      if (stopping) {
        break;
      }
      if (councils.stateOf(council) != CouncilSchemaState.READY) {
        continue;
      }
      try {
        sent += dispatch(council);
      } catch (RuntimeException e) {
        LOG.error("Emails of council {} could not be sent this round", council, e);
      }
    }
    return sent;
  }

  private int dispatch(CouncilSlug council) {
    int sent = 0;
    for (int handled = 0; handled < batchPerCouncil && !stopping; handled++) {
      Outcome outcome = CouncilContext.call(council, sender::sendNextDue);
      if (outcome == Outcome.SENT) {
        sent++;
      } else if (outcome != Outcome.FAILED) {
        break;
      }
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
    try {
      if (!thread.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("An email was still being sent after {}; it may be sent again", stopTimeout);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
