package org.improvementhub.portal.measure;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A measure as a list row: its latest value against the target in force for that period.
 *
 * @param status null before the first value
 */
public record MeasureRow(
    String id,
    String name,
    String unit,
    String polarity,
    String period,
    String value,
    String target,
    MeasureStatus status,
    String trend) {

  /** From the measures API's view of one measure (with {@code current}). */
  @SuppressWarnings("unchecked")
  static MeasureRow of(Map<String, Object> measure) {
    String unit = String.valueOf(measure.get("unit"));
    Map<String, Object> current =
        measure.get("current") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    Map<String, Object> target =
        current.get("target") instanceof Map<?, ?> t ? (Map<String, Object>) t : Map.of();
    return new MeasureRow(
        String.valueOf(measure.get("id")),
        String.valueOf(measure.get("name")),
        Figures.unit(unit),
        Figures.polarity(String.valueOf(measure.get("polarity"))),
        current.isEmpty() ? "" : Figures.month(String.valueOf(current.get("period"))),
        Figures.text(Figures.number(current.get("value")), unit),
        target(target, unit),
        MeasureStatus.of(current.get("status")),
        Figures.trend((String) current.get("trend")));
  }

  /** "90%", or "15 to 20" for a band; empty when no target applies. */
  static String target(Map<String, Object> step, String unit) {
    BigDecimal value = Figures.number(step.get("value"));
    if (value != null) {
      return Figures.text(value, unit);
    }
    BigDecimal lower = Figures.number(step.get("lower"));
    BigDecimal upper = Figures.number(step.get("upper"));
    if (lower != null && upper != null) {
      return Figures.text(lower, unit) + " to " + Figures.text(upper, unit);
    }
    return "";
  }

  public boolean offTarget() {
    return status != null && status.offTarget();
  }
}
