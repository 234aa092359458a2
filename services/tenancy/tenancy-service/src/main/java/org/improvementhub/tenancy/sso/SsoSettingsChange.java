package org.improvementhub.tenancy.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a council's SSO settings: who made it, when, and the settings before and after as
 * the API shows them (JSON; the secret's reference, never a secret).
 */
@MappedEntity(value = "council_sso_change", schema = "tenancy")
record SsoSettingsChange(
    @Id UUID id,
    String council,
    String changedBy,
    Instant changedAt,
    @Nullable String before,
    String after) {}
