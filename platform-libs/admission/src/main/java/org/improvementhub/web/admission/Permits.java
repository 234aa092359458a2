package org.improvementhub.web.admission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * At most {@code maxInFlight} permits out at once; up to {@code maxQueued} more requests wait for
 * one in arrival order, none longer than {@code maxWaitNanos}. Nothing here blocks a thread: a
 * request that must wait gets a future, completed with a permit when one is handed back, or failed
 * with {@link Refused} when it has waited too long ({@link #expire()}, called by whoever keeps
 * time). Futures are completed outside the lock, since completing one runs the request onward.
 */
public final class Permits {

  private final int maxInFlight;
  private final int maxQueued;
  private final long maxWaitNanos;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param nanoTime a monotonic clock ({@code System::nanoTime}; a clock the test moves)
   */
  public Permits(int maxInFlight, int maxQueued, long maxWaitNanos, LongSupplier nanoTime) {
    if (maxInFlight < 1 || maxQueued < 0 || maxWaitNanos < 0) {
      throw new IllegalArgumentException(
          "max-in-flight must be at least 1, max-queued and max-wait at least 0");
    }
    this.maxInFlight = maxInFlight;
    this.maxQueued = maxQueued;
    this.maxWaitNanos = maxWaitNanos;
    this.nanoTime = nanoTime;
  }

  /**
   * A permit: already there when one is free and nobody waits before us, later when one is handed
   * back, or refused at once ({@link Refusal#QUEUE_FULL}) when the line is full.
   */
  public CompletableFuture<Permit> acquire() {
    synchronized (this) {
      if (inFlight < maxInFlight && queue.isEmpty()) {
        inFlight++;
        return CompletableFuture.completedFuture(new Permit(this, 0));
      }
      if (queue.size() >= maxQueued) {
        return CompletableFuture.failedFuture(new Refused(Refusal.QUEUE_FULL));
      }
      Waiter waiter = new Waiter(nanoTime.getAsLong());
      queue.addLast(waiter);
      return waiter.future;
    }
  }

  /**
   * The caller of {@code pending} went away. Still waiting: it leaves the line and never gets a
   * permit. Already given one: that permit is released, so a request whose caller left just as its
   * turn came costs nobody a permit.
   *
   * @return whether it was still waiting (and so was never served)
   */
  public boolean withdraw(CompletableFuture<Permit> pending) {
    Waiter left = null;
    synchronized (this) {
      for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
        Waiter waiter = it.next();
        if (waiter.future == pending) {
          it.remove();
          left = waiter;
          break;
        }
      }
    }
    if (left != null) {
      left.future.completeExceptionally(new Refused(Refusal.WITHDRAWN));
      return true;
    }
    pending.thenAccept(Permit::release);
    return false;
  }

  /**
   * Refuses every request that has waited {@code maxWait} or longer ({@link
   * Refusal#WAITED_TOO_LONG}); returns how many. The line is in arrival order, so it stops at the
   * first that may still wait.
   */
  public int expire() {
    long now = nanoTime.getAsLong();
    List<Waiter> expired = new ArrayList<>();
    synchronized (this) {
      while (!queue.isEmpty() && now - queue.peekFirst().since >= maxWaitNanos) {
        expired.add(queue.pollFirst());
      }
    }
    for (Waiter waiter : expired) {
      waiter.future.completeExceptionally(new Refused(Refusal.WAITED_TOO_LONG));
    }
    return expired.size();
  }

  /** Requests being served now. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Requests waiting for a permit now. */
  public synchronized int queued() {
    return queue.size();
  }

  public long maxWaitNanos() {
    return maxWaitNanos;
  }

  /** A permit came back: the first in line gets it, or it goes back on the shelf. */
  void handBack() {
    while (true) {
      Waiter next;
      long now = nanoTime.getAsLong();
      synchronized (this) {
        next = queue.pollFirst();
        if (next == null) {
          inFlight--;
          return;
        }
      }
      // the permit passes straight to the waiter: in flight stays the same
      if (next.future.complete(new Permit(this, now - next.since))) {
        return;
      }
      // its future was already done (cancelled by its caller): the next one in line
    }
  }

  private static final class Waiter {
    final long since;
    final CompletableFuture<Permit> future = new CompletableFuture<>();

    Waiter(long since) {
      this.since = since;
    }
  }
}
