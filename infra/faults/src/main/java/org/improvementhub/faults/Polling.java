package org.improvementhub.faults;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for something the services do in their own time. */
final class Polling {

  private static final Duration STEP = Duration.ofMillis(20);

  private Polling() {}

  static void until(BooleanSupplier done, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not reached within " + timeout + ": " + what.get());
      }
      pause(STEP);
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
