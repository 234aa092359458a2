package org.improvementhub.observability.logging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Puts the ids of one unit of work into the logging context (SLF4J's MDC) for exactly that unit:
 * the previous values come back afterwards, even if the unit throws, so a pooled thread never logs
 * a finished unit's council or event.
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
    Map<String, String> previous = new HashMap<>();
    values.forEach(
        (key, value) -> {
          previous.put(key, MDC.get(key));
          put(key, value);
        });
    try {
      return unit.get();
    } finally {
      previous.forEach(LogContext::put);
    }
  }

  /** The ids of an event about a council; either may be null and is then left out. */
  public static Map<String, String> ofEvent(String council, Object eventId) {
    Map<String, String> values = new HashMap<>();
    values.put(COUNCIL, council);
    values.put(EVENT_ID, eventId == null ? null : eventId.toString());
    return values;
  }

  private static void put(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
