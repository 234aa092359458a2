package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.UUID;

/**
 * A plan item (a pillar, outcome, priority, project… in the council's own words) was created,
 * changed or moved; carries the item as it now stands. Topic {@value #TOPIC}, keyed by the item id.
 *
 * @param level 1 for the top of the tree
 * @param levelName the council's name for that level, e.g. "Pillar"
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanItemSaved(
    UUID itemId,
    UUID programmeId,
    @Nullable UUID parentId,
    String ref,
    String title,
    int level,
    @Nullable String levelName) {
  public static final String TOPIC = "plans.item.v1";
  public static final String TYPE = "PlanItemSaved";
}
