package org.improvementhub.tenancy.context;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds a unit of work that has no HTTP request (an event, a scheduled scan) to one council.
 *
 * <p>The binding lives in Micronaut's {@link PropagatedContext} and is closed when the unit of work
 * returns, so a council can never leak into the next task a pooled thread picks up.
 */
public final class CouncilContext {

  private CouncilContext() {}

  /** Runs {@code work} bound to {@code council} and returns its result. */
  public static <T> T call(CouncilSlug council, Supplier<T> work) {
    try (PropagatedContext.Scope ignored =
        PropagatedContext.getOrEmpty().plus(new Binding(council)).propagate()) {
      return work.get();
    }
  }

  /** Runs {@code work} bound to {@code council}. */
  public static void run(CouncilSlug council, Runnable work) {
    call(
        council,
        () -> {
          work.run();
          return null;
        });
  }

  /** The council bound to the current unit of work, if any. */
  public static Optional<CouncilSlug> current() {
    return PropagatedContext.find()
        .flatMap(context -> context.findAll(Binding.class).findFirst())
        .map(Binding::council);
  }

  /** The element carried in the propagated context. */
  record Binding(CouncilSlug council) implements PropagatedContextElement {}
}
