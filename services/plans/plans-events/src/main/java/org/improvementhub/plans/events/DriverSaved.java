package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A driver of the plan (an Ofsted recommendation, an Improvement Notice item, a peer-review
 * finding…) was created or changed, or its links to actions changed; carries the driver as it now
 * stands, with every action that answers it, so a reader can tell drivers with no action without
 * calling back. Topic {@value #TOPIC}, keyed by the driver id.
 *
 * @param kind OFSTED_RECOMMENDATION, IMPROVEMENT_NOTICE, PEER_REVIEW or OTHER
 * @param timeframe IMMEDIATELY, WITHIN_3_MONTHS, WITHIN_6_MONTHS… or null
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriverSaved(
    UUID driverId,
    @Nullable UUID programmeId,
    String kind,
    String ref,
    String title,
    @Nullable String timeframe,
    List<UUID> actionIds) {
  public static final String TOPIC = "plans.driver.v1";
  public static final String TYPE = "DriverSaved";
}
