package org.improvementhub.plans.action;

import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One revision of an action's due date, with the reason given. */
@Serdeable
@MappedEntity("action_due_date_revision")
public record DueDateRevision(
    @Id @AutoPopulated UUID id,
    UUID actionId,
    LocalDate previousDueDate,
    LocalDate newDueDate,
    String reason,
    String revisedBy,
    Instant revisedAt) {}
