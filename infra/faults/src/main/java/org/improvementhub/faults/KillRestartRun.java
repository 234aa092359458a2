package org.improvementhub.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.improvementhub.faults.OverdueBatch.Delivered;
import org.improvementhub.faults.OverdueBatch.Duplicate;

/**
 * One crash of the notifications service while a batch of overdue emails goes out: after a random
 * number of the batch's emails has been accepted (none, some, or all but one), and a random few
 * milliseconds more, the process is killed with SIGKILL and started again. Once every lead has had
 * their email, the harness waits {@code lateCopies} longer for any late second copy, then counts.
 * (The bench waits for none here: it counts every run's batch again at its end, after the later
 * runs, which gives a late copy far longer to show.)
 */
final class KillRestartRun {

  private static final Duration DELIVERY = Duration.ofSeconds(120);

  private final FaultStack stack;
  private final OverdueBatch batch;
  private final RandomGenerator random;
  private final Duration lateCopies;

  KillRestartRun(
      FaultStack stack, OverdueBatch batch, RandomGenerator random, Duration lateCopies) {
    this.stack = stack;
    this.batch = batch;
    this.random = random;
    this.lateCopies = lateCopies;
  }

  /**
   * What one run found.
   *
   * @param batch the run's emails, to count again later
   * @param diagnosis for a run that lost an email: the service's own delivery log of it
   * @param killedAt when the SIGKILL was sent
   * @param duplicates each lead's extra copies, explained
   * @param windows the killed process's own measure of its emails' completion windows
   */
  record Result(
      OverdueBatch batch,
      int killedAfter,
      Delivered delivered,
      String diagnosis,
      Instant killedAt,
      List<Duplicate> duplicates,
      CompletionWindows.Scrape windows,
      boolean aimed) {}

  Result run() {
    int killAfter = random.nextInt(batch.size());
    batch.createActions(stack);
    batch.scan(stack);
    Polling.until(
        () -> batch.delivered(stack.mail()).received() >= killAfter,
        DELIVERY,
        () -> "the first " + killAfter + " emails; " + batch.delivered(stack.mail()));
    Polling.pause(Duration.ofMillis(random.nextInt(20)));
    // read just before the kill, which ends the process and its figures
    CompletionWindows.Scrape windows = CompletionWindows.read(stack);
    return afterKill(killAfter, windows, stack.crashAndRestartNotifications(), false);
  }

  /**
   * A run aimed at the one interval in which a kill sends an email twice: the process is killed the
   * moment the mail server has accepted email {@code k} (k ≥ 1), from a thread watching the
   * server's store every few tens of microseconds rather than every 20 ms ({@code aimed} is false
   * in the result if email {@code k} had already come by the time the watch began). By then the
   * sender has written the "." and, unless its thread was held up in between, the COMMIT of the
   * record too. A duplicate here means the service was still between the two writes when the server
   * had finished storing the message.
   */
  Result aimedAtAcceptance() {
    int killAt = 1 + random.nextInt(batch.size() - 1);
    batch.createActions(stack);
    batch.scan(stack);
    Polling.until(
        () -> batch.delivered(stack.mail()).received() >= killAt - 1,
        DELIVERY,
        () -> "the first " + (killAt - 1) + " emails; " + batch.delivered(stack.mail()));
    CompletionWindows.Scrape windows = CompletionWindows.read(stack);
    int stored = stack.mail().stored();
    boolean aimed = false;
    // polled every few tens of microseconds, not spun on: a spinning harness would take one of
    // the machine's cores from the service it aims at
    if (batch.delivered(stack.mail()).received() < killAt) {
      long deadline = System.nanoTime() + DELIVERY.toNanos();
      while (!aimed && System.nanoTime() < deadline) {
        LockSupport.parkNanos(20_000);
        aimed = stack.mail().stored() > stored;
      }
    }
    return afterKill(killAt, windows, stack.crashAndRestartNotifications(), aimed);
  }

  private Result afterKill(
      int killAfter, CompletionWindows.Scrape windows, Instant killedAt, boolean aimed) {
    // a lost email is a finding, not a failure of the harness: the run is counted either way
    boolean complete = Polling.within(() -> batch.delivered(stack.mail()).complete(), DELIVERY);
    Polling.pause(lateCopies);
    Delivered delivered = batch.delivered(stack.mail());
    return new Result(
        batch,
        killAfter,
        delivered,
        complete ? "" : batch.diagnosis(stack),
        killedAt,
        delivered.duplicates() > 0 ? batch.duplicates(stack, killedAt) : List.of(),
        windows,
        aimed);
  }
}
