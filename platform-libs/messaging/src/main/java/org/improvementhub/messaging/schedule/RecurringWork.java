package org.improvementhub.messaging.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work repeated on a thread of its own, with a fixed delay between rounds, that stops cleanly.
 *
 * <p>Used instead of {@code @Scheduled} for work that writes to the database: Micronaut fetches a
 * scheduled bean on every tick, so a tick during shutdown can re-create it on a half-closed
 * context; stopped from a {@code ShutdownEvent} listener, this finishes the round in progress
 * before the connection pool closes, and starts no other.
 */
public final class RecurringWork {

  private static final Logger LOG = LoggerFactory.getLogger(RecurringWork.class);

  private final String name;
  private final ScheduledExecutorService thread;

  private RecurringWork(String name, ScheduledExecutorService thread) {
    this.name = name;
    this.thread = thread;
  }

  /** Starts running {@code round} after {@code initialDelay}, then {@code interval} after each. */
  public static RecurringWork start(
      String name, Duration initialDelay, Duration interval, Runnable round) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread worker = new Thread(task, name);
              worker.setDaemon(true);
              return worker;
            });
    thread.scheduleWithFixedDelay(
        () -> {
          try {
            round.run();
          } catch (RuntimeException e) {
            // a failed round (the database or broker away) must not end the schedule
            LOG.warn("{} round failed; it will run again: {}", name, e.getMessage());
          }
        },
        initialDelay.toMillis(),
        Math.max(1, interval.toMillis()),
        TimeUnit.MILLISECONDS);
    return new RecurringWork(name, thread);
  }

  /** Starts no new round and waits up to {@code timeout} for the one in progress. */
  public void stop(Duration timeout) {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} was still running after {}; interrupting it", name, timeout);
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
