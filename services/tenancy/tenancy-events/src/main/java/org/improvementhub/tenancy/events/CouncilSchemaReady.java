package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One service's answer to {@link CouncilProvisioned}: its tables are in the council's schema. Each
 * service publishes it on its own topic, {@code <service>.council-schema.v1}; tenancy listens to
 * them all by {@link #TOPIC_PATTERN}.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouncilSchemaReady(String slug, String service, String schemaVersion) {
  public static final String TYPE = "CouncilSchemaReady";
  public static final String TOPIC_PATTERN = "[a-z][a-z0-9_]*\\.council-schema\\.v1";

  public static String topicOf(String service) {
    return service + ".council-schema.v1";
  }
}
