package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A platform admin loaded another council's export into this council's empty schema. The services
 * that own the restored tables answer by announcing their records again (the restore wrote rows,
 * not events), so read models elsewhere (oversight, measures' plan records) fill for the council.
 * On the council topic, so it stays in order with the council's other events.
 *
 * @param restoredFrom the council whose export was loaded
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouncilRestored(String slug, String name, String restoredFrom) {
  public static final String TOPIC = CouncilProvisioned.TOPIC;
  public static final String TYPE = "CouncilRestored";
}
