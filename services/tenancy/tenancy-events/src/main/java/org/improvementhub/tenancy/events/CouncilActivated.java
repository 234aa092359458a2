package org.improvementhub.tenancy.events;

import io.micronaut.serde.annotation.Serdeable;

/** Every service has answered that the council's schema is ready; the council is ACTIVE. */
@Serdeable
public record CouncilActivated(String slug, String name) {
  public static final String TOPIC = CouncilProvisioned.TOPIC;
  public static final String TYPE = "CouncilActivated";
}
