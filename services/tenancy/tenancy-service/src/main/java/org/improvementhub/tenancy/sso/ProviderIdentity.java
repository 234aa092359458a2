package org.improvementhub.tenancy.sso;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * Who a council provider's subject is here.
 *
 * @param council the council whose settings started the sign-in
 */
@MappedEntity(value = "sso_identity", schema = "tenancy")
record ProviderIdentity(
    @Id UUID id,
    String council,
    String issuer,
    String subject,
    UUID userId,
    Instant firstSeenAt,
    Instant lastSeenAt) {}
