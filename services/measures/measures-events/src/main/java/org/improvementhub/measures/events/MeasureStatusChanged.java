package org.improvementhub.measures.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A period of a measure changed status: its value was first recorded or corrected, or the measure's
 * targets or tolerance changed. Topic {@value #TOPIC} (beside {@code MeasureValueRecorded}, so that
 * a consumer sees both in order), keyed by the council.
 *
 * <p>{@code status} and {@code previousStatus} are {@code GREEN}, {@code AMBER}, {@code RED} or
 * {@code GREY}; {@code previousStatus} is null for a period's first value. {@code target} is the
 * target in force for the period, or for a band measure {@code lower} and {@code upper}; all three
 * are null when no target applies (Grey).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureStatusChanged(
    UUID measureId,
    String measureName,
    String period,
    @Nullable String previousStatus,
    String status,
    BigDecimal value,
    @Nullable BigDecimal target,
    @Nullable BigDecimal lower,
    @Nullable BigDecimal upper,
    Instant changedAt) {
  public static final String TOPIC = MeasureValueRecorded.TOPIC;
  public static final String TYPE = "MeasureStatusChanged";
}
