package org.improvementhub.oversight.report;

import java.math.BigDecimal;

/**
 * Which way a measure moved since its previous value, read through its polarity: up is improving
 * where higher is better, worsening where lower is better; a band measure just goes up or down.
 */
final class MeasureTrend {

  private MeasureTrend() {}

  static String of(String polarity, BigDecimal previous, BigDecimal actual) {
    if (previous == null) {
      return "FIRST_VALUE";
    }
    int direction = actual.compareTo(previous);
    if (direction == 0) {
      return "NO_CHANGE";
    }
    if ("HIGHER_IS_BETTER".equals(polarity)) {
      return direction > 0 ? "IMPROVING" : "WORSENING";
    }
    if ("LOWER_IS_BETTER".equals(polarity)) {
      return direction < 0 ? "IMPROVING" : "WORSENING";
    }
    return direction > 0 ? "UP" : "DOWN";
  }
}
