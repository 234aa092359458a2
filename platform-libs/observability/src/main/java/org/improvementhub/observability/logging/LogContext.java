package org.improvementhub.observability.logging;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts the ids of one unit of work into the logging context (SLF4J's MDC) for exactly that unit:
 * the previous logging context comes back whole afterwards, even if the unit throws, so a pooled
 * thread never logs a finished unit's council or event.
 *
 * <p>The values travel in Micronaut's propagated context (as a request's do, {@link
 * RequestLogContext}), not only in the thread's MDC. A scope opened inside the unit (a council
 * binding, a transaction, a task handed to an instrumented executor) sets the MDC from the
 * propagated context: were the unit's values only in the MDC, that scope would put the enclosing
 * request's council back, and the unit's lines would name the request's council; were they only
 * restored key by key, a scope closed out of order could leave them on the thread.
 */
public final class LogContext {

  /** The council's slug. */
  public static final String COUNCIL = "council";

  /** The HTTP request's id ({@code X-Request-Id}). */
  public static final String REQUEST_ID = "requestId";

  /** The id of the event being consumed or published. */
  public static final String EVENT_ID = "eventId";

  private LogContext() {}

  /** Runs {@code unit} with {@code values} in the logging context. */
  public static void run(Map<String, String> values, Runnable unit) {
    call(
        values,
        () -> {
          unit.run();
          return null;
        });
  }

  /** Calls {@code unit} with {@code values} in the logging context and returns its result. */
  public static <T> T call(Map<String, String> values, Supplier<T> unit) {
    Map<String, String> context = new HashMap<>();
    Map<String, String> enclosing = MDC.getCopyOfContextMap();
    if (enclosing != null) {
      context.putAll(enclosing);
    }
    values.forEach(
        (key, value) -> {
          if (value == null) {
            context.remove(key);
          } else {
            context.put(key, value);
          }
        });
    // the scope sets the whole MDC and, when closed, puts back the whole MDC it found
    try (PropagatedContext.Scope ignored =
        PropagatedContext.getOrEmpty().plus(new MdcPropagationContext(context)).propagate()) {
      return unit.get();
    }
  }

  /** The ids of an event about a council; either may be null and is then left out. */
  public static Map<String, String> ofEvent(String council, Object eventId) {
    Map<String, String> values = new HashMap<>();
    values.put(COUNCIL, council);
    values.put(EVENT_ID, eventId == null ? null : eventId.toString());
    return values;
  }
}
