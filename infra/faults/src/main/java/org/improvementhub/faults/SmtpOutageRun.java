package org.improvementhub.faults;

import java.time.Duration;
import org.improvementhub.faults.OverdueBatch.Delivered;

/**
 * The mail server taken away while a batch of overdue emails is due, for {@code outage}, then
 * brought back: every email must arrive once it is back, none twice. The service is not touched.
 */
final class SmtpOutageRun {

  private static final Duration LATE_COPIES = Duration.ofSeconds(2);

  private final FaultStack stack;
  private final int batchSize;
  private final Duration outage;

  SmtpOutageRun(FaultStack stack, int batchSize, Duration outage) {
    this.stack = stack;
    this.batchSize = batchSize;
    this.outage = outage;
  }

  /** What the run found: delivered before the server came back, and in the end. */
  record Result(Delivered duringOutage, Delivered after, Duration lastEmailAfterReturn) {}

  Result run() {
    OverdueBatch batch = OverdueBatch.create(stack, batchSize);
    stack.mail().stop();
    Delivered duringOutage;
    try {
      batch.createActions(stack);
      batch.scan(stack);
      Polling.pause(outage);
      duringOutage = batch.delivered(stack.mail());
    } finally {
      stack.mail().start();
    }
    long back = System.nanoTime();
    Polling.until(
        () -> batch.delivered(stack.mail()).complete(),
        outage.plus(Duration.ofSeconds(120)),
        () -> "every email after the outage; " + batch.diagnosis(stack));
    Duration lastEmail = Duration.ofNanos(System.nanoTime() - back);
    Polling.pause(LATE_COPIES);
    return new Result(duringOutage, batch.delivered(stack.mail()), lastEmail);
  }
}
