package org.improvementhub.plans.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.AutoPopulated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A progress report for a period ({@code YYYY-MM}): RAG, review note, who, when. */
@MappedEntity("action_progress_report")
public record ActionProgressReport(
    @Id @AutoPopulated UUID id,
    UUID actionId,
    String period,
    RagStatus ragStatus,
    @Nullable String note,
    String reportedBy,
    Instant reportedAt) {}
