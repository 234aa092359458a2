package org.improvementhub.measures.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A value was recorded, or corrected, for one period of a measure. Topic {@value #TOPIC}, keyed by
 * the council.
 *
 * <p>{@code period} is the month as {@code YYYY-MM} (a quarterly measure's value is filed under the
 * quarter's last month). {@code unit} and {@code polarity} are carried so that a read model can
 * show the value without asking for the measure. {@code revision} is 1 for the first value of the
 * period and counts up with each correction; a consumer keeps the highest revision it has seen.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureValueRecorded(
    UUID measureId,
    String measureName,
    String unit,
    String polarity,
    String period,
    BigDecimal value,
    @Nullable BigDecimal numerator,
    @Nullable BigDecimal denominator,
    int revision,
    Instant recordedAt) {
  public static final String TOPIC = "measures.value.v1";
  public static final String TYPE = "MeasureValueRecorded";
}
