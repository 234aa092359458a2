package org.improvementhub.tenancy.status;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.improvementhub.tenancy.context.CouncilStatus;

/**
 * One change of a council's status, as recorded.
 *
 * @param changedBy the platform admin who made the change: the token's subject, their sign-in email
 */
@Serdeable
@MappedEntity(value = "council_status_change", schema = "tenancy")
public record CouncilStatusChange(
    @Id UUID id,
    String slug,
    CouncilStatus fromStatus,
    CouncilStatus toStatus,
    @Nullable String reason,
    String changedBy,
    Instant changedAt) {}
