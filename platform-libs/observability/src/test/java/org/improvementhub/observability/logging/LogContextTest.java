package org.improvementhub.observability.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

  @AfterEach
  void clear() {
    MDC.clear();
  }

  @Test
  void theValuesAreThereDuringTheUnitAndGoneAfterIt() {
    String inside =
        LogContext.call(
            LogContext.ofEvent("walsall", "e-1"),
            () -> MDC.get(LogContext.COUNCIL) + "/" + MDC.get(LogContext.EVENT_ID));

    assertThat(inside).isEqualTo("walsall/e-1");
    assertThat(MDC.get(LogContext.COUNCIL)).isNull();
    assertThat(MDC.get(LogContext.EVENT_ID)).isNull();
  }

  @Test
  void anEnclosingUnitsValuesComeBackEvenWhenTheInnerUnitThrows() {
    MDC.put(LogContext.REQUEST_ID, "outer-request");
    LogContext.run(
        Map.of(LogContext.COUNCIL, "walsall"),
        () ->
            assertThatThrownBy(
                    () ->
                        LogContext.run(
                            Map.of(LogContext.COUNCIL, "durham"),
                            () -> {
                              throw new IllegalStateException("boom");
                            }))
                .hasMessage("boom"));

    assertThat(MDC.get(LogContext.COUNCIL)).isNull();
    assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("outer-request");
  }

  @Test
  void aMissingEventIdIsLeftOut() {
    LogContext.run(
        LogContext.ofEvent("walsall", null),
        () -> assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(LogContext.COUNCIL));
  }
}
