package org.improvementhub.notifications.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One action of the council as this service last heard of it.
 *
 * @param leads the leads as a JSON array (read them with {@link ActionLeads})
 * @param dueDate the effective due date
 */
@MappedEntity("tracked_action")
public record TrackedAction(
    @Id UUID actionId,
    String ref,
    String title,
    String leads,
    @Nullable LocalDate startDate,
    LocalDate dueDate,
    @Nullable String ragStatus,
    @Nullable LocalDate completedOn,
    @Nullable LocalDate withdrawnOn,
    @Nullable UUID programmeId,
    @Nullable String programmeManagerName,
    @Nullable String programmeManagerEmail,
    @Nullable String lastNote,
    @Nullable String lastNotePeriod,
    Instant updatedAt) {

  public boolean completed() {
    return completedOn != null;
  }

  public boolean withdrawn() {
    return withdrawnOn != null;
  }

  /** Completed or withdrawn: either way nobody is reminded or chased about it any more. */
  public boolean closed() {
    return completed() || withdrawn();
  }
}
