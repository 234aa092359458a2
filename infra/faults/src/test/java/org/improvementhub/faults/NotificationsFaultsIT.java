package org.improvementhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.improvementhub.faults.KillRestartRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The CI profile of the fault harness (the benchmark profile is {@link FaultsBench}): the
 * notifications service killed with SIGKILL at random points of a batch, five times, and the mail
 * server away for a while; every overdue email arrives, none twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsFaultsIT {

  private static final int RUNS = 5;
  private static final int BATCH = 30;

  private FaultStack stack;

  @BeforeAll
  void start() {
    stack = FaultStack.shared();
  }

  @Test
  void killedAtRandomPointsAndRestartedNoEmailIsLostOrSentTwice() {
    long seed = Long.getLong("hub.faults.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    // one council for every run (each batch has its own refs and leads): a council per run would
    // cost a schema in every service
    FaultCouncil council = FaultCouncil.create(stack);
    for (int run = 1; run <= RUNS; run++) {
      Result result =
          new KillRestartRun(
                  stack, OverdueBatch.in(council, run, BATCH), random, Duration.ofSeconds(2))
              .run();
      String which =
          "run %d (seed %d), killed after %d accepted".formatted(run, seed, result.killedAfter());
      assertThat(result.delivered().lost())
          .as("lost in %s: %s", which, result.diagnosis())
          .isZero();
      assertThat(result.delivered().duplicates())
          .as("duplicates in %s: %s", which, result.duplicates())
          .isZero();
    }
  }

  @Test
  void mailServerAwayForAWhileEveryEmailArrivesAfterOnce() {
    SmtpOutageRun.Result result = new SmtpOutageRun(stack, BATCH, Duration.ofSeconds(15)).run();
    assertThat(result.duringOutage().received()).isZero();
    assertThat(result.after().lost()).isZero();
    assertThat(result.after().duplicates()).isZero();
  }
}
