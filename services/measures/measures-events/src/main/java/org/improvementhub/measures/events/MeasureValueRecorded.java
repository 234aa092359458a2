package org.improvementhub.measures.events;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/** A value was recorded (or corrected) for one period of a measure. Topic {@value #TOPIC}. */
@Serdeable
public record MeasureValueRecorded(
    UUID measureId, String measureName, YearMonth period, BigDecimal value) {
  public static final String TOPIC = "measures.value.v1";
  public static final String TYPE = "MeasureValueRecorded";
}
