package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/** A driver was removed from the register. Topic {@value DriverSaved#TOPIC}. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverRemoved(UUID driverId) {
  public static final String TYPE = "DriverRemoved";
}
