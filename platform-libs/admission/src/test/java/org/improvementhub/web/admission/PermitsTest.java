package org.improvementhub.web.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PermitsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong clock = new AtomicLong(42 * SECOND);
  private final Permits permits = new Permits(2, 1, SECOND, clock::get);

  @Test
  void permitsAreGivenUpToTheLimitThenTheNextWaitsAndTheOneAfterIsRefused() {
    CompletableFuture<Permit> first = permits.acquire();
    CompletableFuture<Permit> second = permits.acquire();
    CompletableFuture<Permit> third = permits.acquire();
    CompletableFuture<Permit> fourth = permits.acquire();

    assertThat(first).isCompleted();
    assertThat(second).isCompleted();
    assertThat(third).isNotDone();
    assertThat(refusalOf(fourth)).isEqualTo(Refusal.QUEUE_FULL);
    assertThat(permits.inFlight()).isEqualTo(2);
    assertThat(permits.queued()).isEqualTo(1);
  }

  @Test
  void aReleasedPermitGoesToTheFirstInLineWithTheTimeItWaited() {
    Permits roomy = new Permits(1, 3, SECOND, clock::get);
    Permit serving = roomy.acquire().join();
    CompletableFuture<Permit> a = roomy.acquire();
    clock.addAndGet(100_000_000L);
    CompletableFuture<Permit> b = roomy.acquire();
    clock.addAndGet(200_000_000L);

    serving.release();

    assertThat(a).isCompleted();
    assertThat(b).isNotDone();
    assertThat(a.join().waitedNanos()).isEqualTo(300_000_000L);
    assertThat(roomy.inFlight()).isEqualTo(1);
    a.join().release();
    assertThat(b).isCompleted();
    b.join().release();
    assertThat(roomy.inFlight()).isZero();
  }

  @Test
  void aWaiterIsRefusedOnceItHasWaitedTheMaximumAndNotBefore() {
    permits.acquire();
    permits.acquire();
    CompletableFuture<Permit> waiting = permits.acquire();

    clock.addAndGet(SECOND - 1);
    assertThat(permits.expire()).isZero();
    assertThat(waiting).isNotDone();

    clock.addAndGet(1);
    assertThat(permits.expire()).isEqualTo(1);
    assertThat(refusalOf(waiting)).isEqualTo(Refusal.WAITED_TOO_LONG);
    assertThat(permits.queued()).isZero();
    assertThat(permits.inFlight()).isEqualTo(2);
  }

  @Test
  void expiryStopsAtTheFirstWaiterThatMayStillWait() {
    Permits roomy = new Permits(1, 3, SECOND, clock::get);
    roomy.acquire();
    CompletableFuture<Permit> early = roomy.acquire();
    clock.addAndGet(SECOND / 2);
    CompletableFuture<Permit> late = roomy.acquire();
    clock.addAndGet(SECOND / 2);

    assertThat(roomy.expire()).isEqualTo(1);

    assertThat(refusalOf(early)).isEqualTo(Refusal.WAITED_TOO_LONG);
    assertThat(late).isNotDone();
  }

  @Test
  void releasingTwiceGivesBackOnePermit() {
    Permit permit = permits.acquire().join();
    permits.acquire();

    permit.release();
    permit.release();

    assertThat(permits.inFlight()).isEqualTo(1);
  }

  @Test
  void aWaiterWhoseCallerLeftLeavesTheLineAndGetsNoPermit() {
    Permit serving = permits.acquire().join();
    permits.acquire();
    CompletableFuture<Permit> waiting = permits.acquire();

    assertThat(permits.withdraw(waiting)).isTrue();
    serving.release();

    assertThat(refusalOf(waiting)).isEqualTo(Refusal.WITHDRAWN);
    assertThat(permits.queued()).isZero();
    assertThat(permits.inFlight()).isEqualTo(1);
  }

  @Test
  void aCallerThatLeftJustAfterItsTurnCameHandsItsPermitBack() {
    Permit serving = permits.acquire().join();
    permits.acquire();
    CompletableFuture<Permit> waiting = permits.acquire();
    serving.release();

    assertThat(permits.withdraw(waiting)).isFalse();

    assertThat(permits.inFlight()).isEqualTo(1);
  }

  @Test
  void aCancelledWaiterIsSkippedWhenAPermitComesBack() {
    Permits roomy = new Permits(1, 2, SECOND, clock::get);
    Permit serving = roomy.acquire().join();
    CompletableFuture<Permit> cancelled = roomy.acquire();
    CompletableFuture<Permit> next = roomy.acquire();
    cancelled.cancel(false);

    serving.release();

    assertThat(next).isCompleted();
    assertThat(roomy.inFlight()).isEqualTo(1);
  }

  @Test
  void withNoWaitingRoomTheFirstOverTheLimitIsRefused() {
    Permits noRoom = new Permits(1, 0, SECOND, clock::get);
    noRoom.acquire();

    assertThat(refusalOf(noRoom.acquire())).isEqualTo(Refusal.QUEUE_FULL);
  }

  private static Refusal refusalOf(CompletableFuture<Permit> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.join();
    } catch (CompletionException e) {
      return ((Refused) e.getCause()).reason();
    }
    throw new AssertionError("not refused");
  }
}
