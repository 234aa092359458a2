package org.improvementhub.tenancy.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A platform admin suspended, reinstated or archived the council. Statuses are the names of {@code
 * CouncilStatus} ({@code ACTIVE}, {@code SUSPENDED}, {@code ARCHIVED}); on the council topic, so it
 * stays in order with the council's other events.
 *
 * @param reason why, in the admin's words (required to suspend)
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record CouncilStatusChanged(
    String slug, String name, String previousStatus, String status, @Nullable String reason) {
  public static final String TOPIC = CouncilProvisioned.TOPIC;
  public static final String TYPE = "CouncilStatusChanged";
}
