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
 * @param planItemId the plan item the action sits under, if any
 * @param driverRefs the refs of the drivers the action answers (`OR 13`, `IN 3.1`), if known
 * @param latestReviewNote the review note of the latest progress report, if any
 * @param withdrawnOn the day the council withdrew the action (no longer counted), if it did
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
    @Nullable PlanPerson programmeManager,
    @Nullable UUID planItemId,
    @Nullable List<String> driverRefs,
    @Nullable String latestReviewNote,
    @Nullable LocalDate withdrawnOn) {

  /** The shape published before actions could be withdrawn. */
  public ActionSnapshot(
      UUID actionId,
      String ref,
      String title,
      List<PlanPerson> leads,
      LocalDate startDate,
      LocalDate dueDate,
      String ragStatus,
      LocalDate completedOn,
      UUID programmeId,
      PlanPerson programmeManager,
      UUID planItemId,
      List<String> driverRefs,
      String latestReviewNote) {
    this(
        actionId,
        ref,
        title,
        leads,
        startDate,
        dueDate,
        ragStatus,
        completedOn,
        programmeId,
        programmeManager,
        planItemId,
        driverRefs,
        latestReviewNote,
        null);
  }

  /** The shape published before plan items, drivers and review notes were carried. */
  public ActionSnapshot(
      UUID actionId,
      String ref,
      String title,
      List<PlanPerson> leads,
      LocalDate startDate,
      LocalDate dueDate,
      String ragStatus,
      LocalDate completedOn,
      UUID programmeId,
      PlanPerson programmeManager) {
    this(
        actionId,
        ref,
        title,
        leads,
        startDate,
        dueDate,
        ragStatus,
        completedOn,
        programmeId,
        programmeManager,
        null,
        null,
        null,
        null);
  }
}
