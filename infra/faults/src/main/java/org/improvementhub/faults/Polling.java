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

  /** Waits for {@code done} up to {@code timeout}; whether it came. */
  static boolean within(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause(STEP);
    }
    return true;
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
