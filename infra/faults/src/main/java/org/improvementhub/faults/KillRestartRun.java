package org.improvementhub.faults;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.improvementhub.faults.OverdueBatch.Delivered;

/**
 * One crash of the notifications service while a batch of overdue emails goes out: after a random
 * number of the batch's emails has been accepted (none, some, or all but one), and a random few
 * milliseconds more, the process is killed with SIGKILL and started again. Once every lead has had
 * their email, the harness waits a little longer for any late second copy, then counts.
 */
final class KillRestartRun {

  private static final Duration DELIVERY = Duration.ofSeconds(120);
  private static final Duration LATE_COPIES = Duration.ofSeconds(2);

  private final FaultStack stack;
  private final int batchSize;
  private final RandomGenerator random;

  KillRestartRun(FaultStack stack, int batchSize, RandomGenerator random) {
    this.stack = stack;
    this.batchSize = batchSize;
    this.random = random;
  }

  /** What one run found. */
  /**
   * What one run found.
   *
   * @param diagnosis for a run that lost an email: the service's own delivery log of it
   */
  record Result(int killedAfter, Delivered delivered, String diagnosis) {}

  Result run() {
    OverdueBatch batch = OverdueBatch.create(stack, batchSize);
    int killAfter = random.nextInt(batchSize);
    batch.createActions(stack);
    batch.scan(stack);
    Polling.until(
        () -> batch.delivered(stack.mail()).received() >= killAfter,
        DELIVERY,
        () -> "the first " + killAfter + " emails; " + batch.delivered(stack.mail()));
    Polling.pause(Duration.ofMillis(random.nextInt(20)));
    stack.crashAndRestartNotifications();
    // a lost email is a finding, not a failure of the harness: the run is counted either way
    boolean complete = Polling.within(() -> batch.delivered(stack.mail()).complete(), DELIVERY);
    Polling.pause(LATE_COPIES);
    return new Result(
        killAfter, batch.delivered(stack.mail()), complete ? "" : batch.diagnosis(stack));
  }
}
