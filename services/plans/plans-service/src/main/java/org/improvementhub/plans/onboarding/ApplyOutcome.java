package org.improvementhub.plans.onboarding;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * What applying a re-uploaded document did: counts of actions added and changed and progress
 * reports recorded, and the refs of actions the document no longer lists that were kept or
 * withdrawn.
 */
@Serdeable
public record ApplyOutcome(
    UUID programmeId,
    int added,
    int changed,
    int progressReports,
    List<String> kept,
    List<String> withdrawn) {}
