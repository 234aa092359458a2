package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A council's schema and registry entry exist; every service now migrates its tables into the
 * schema and answers {@link CouncilSchemaReady}. Topic {@value #TOPIC}, key the slug.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouncilProvisioned(String slug, String name, int laCode, String schema) {
  public static final String TOPIC = "tenancy.council.v1";
  public static final String TYPE = "CouncilProvisioned";
}
