package org.improvementhub.notifications.delivery;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>On shutdown it stops starting new emails and waits for the one in progress to be accepted and
 * committed, so that no email is left accepted by the server but still queued here.
 */
@Singleton
public class EmailDispatcher implements ApplicationEventListener<ShutdownEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);

  private final CouncilSchemaRegistry councils;
  private final CouncilEmailSender sender;
  private final int batchPerCouncil;
  private final Duration stopTimeout;
  private final ReentrantLock sending = new ReentrantLock();
  private volatile boolean stopping;

  public EmailDispatcher(
      CouncilSchemaRegistry councils,
      CouncilEmailSender sender,
      @Value("${hub.notifications.dispatch.batch-per-council:100}") int batchPerCouncil,
      @Value("${hub.notifications.dispatch.stop-timeout:60s}") Duration stopTimeout) {
    this.councils = councils;
    this.sender = sender;
    this.batchPerCouncil = Math.max(1, batchPerCouncil);
    this.stopTimeout = stopTimeout;
  }

  @Scheduled(
      fixedDelay = "${hub.notifications.dispatch.interval:1s}",
      initialDelay = "${hub.notifications.dispatch.initial-delay:1s}")
  void dispatchDue() {
    dispatchAll();
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
    for (int handled = 0; handled < batchPerCouncil; handled++) {
      Outcome outcome = sendNext(council);
      if (outcome == Outcome.SENT) {
        sent++;
      } else if (outcome != Outcome.FAILED) {
        break;
      }
    }
    return sent;
  }

  private Outcome sendNext(CouncilSlug council) {
    sending.lock();
    try {
      if (stopping) {
        return Outcome.NONE_DUE;
      }
      return CouncilContext.call(council, sender::sendNextDue);
    } finally {
      sending.unlock();
    }
  }

  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    stop();
  }

  /** Lets the email in progress finish; no new one starts. Safe to call more than once. */
  @PreDestroy
  public void stop() {
    stopping = true;
    try {
      if (sending.tryLock(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        sending.unlock();
      } else {
        LOG.warn("An email was still being sent after {}; it may be sent again", stopTimeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
