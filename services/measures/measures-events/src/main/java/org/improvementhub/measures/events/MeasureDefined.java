package org.improvementhub.measures.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * A council defined a measure it will record values for. Topic {@value #TOPIC}, keyed by the
 * council. {@code unit}, {@code polarity} and {@code frequency} are the names of the measures
 * service's enums ({@code PERCENT}, {@code HIGHER_IS_BETTER}, {@code MONTHLY}).
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeasureDefined(
    UUID measureId,
    String name,
    String definition,
    String unit,
    String polarity,
    String frequency) {
  public static final String TOPIC = "measures.measure.v1";
  public static final String TYPE = "MeasureDefined";
}
