package org.improvementhub.web.admission;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to be served. Released once, whoever releases it first (the response, an error, the
 * caller going away): a second release does nothing, so every path may release without counting.
 */
public final class Permit {

  private final Permits permits;
  private final long waitedNanos;
  private final AtomicBoolean released = new AtomicBoolean();

  Permit(Permits permits, long waitedNanos) {
    this.permits = permits;
    this.waitedNanos = waitedNanos;
  }

  /** How long the request waited in line for this permit (0 when one was free). */
  public long waitedNanos() {
    return waitedNanos;
  }

  public void release() {
    if (released.compareAndSet(false, true)) {
      permits.handBack();
    }
  }
}
