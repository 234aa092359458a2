package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/** Every service has answered that the council's schema is ready; the council is ACTIVE. */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouncilActivated(String slug, String name) {
  public static final String TOPIC = CouncilProvisioned.TOPIC;
  public static final String TYPE = "CouncilActivated";
}
