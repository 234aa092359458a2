package org.improvementhub.plans.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What other services need to know of an action without calling back: carried whole by every action
 * event, as it stands after the change.
 *
 * @param dueDate the date the action is now due: the revised due date if there is one
 * @param ragStatus BLUE, GREEN, AMBER, RED or GREY
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionSnapshot(
    UUID actionId,
    String ref,
    String title,
    List<PlanPerson> leads,
    @Nullable LocalDate startDate,
    LocalDate dueDate,
    String ragStatus,
    @Nullable LocalDate completedOn,
    @Nullable UUID programmeId,
    @Nullable PlanPerson programmeManager) {}
