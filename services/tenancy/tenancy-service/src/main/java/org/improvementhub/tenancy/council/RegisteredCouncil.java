package org.improvementhub.tenancy.council;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import org.improvementhub.tenancy.context.CouncilStatus;

/** A council on the platform, as the registry holds it. */
@MappedEntity(value = "registered_council", schema = "tenancy")
public record RegisteredCouncil(
    @Id String slug,
    String name,
    int laCode,
    CouncilStatus status,
    Instant createdAt,
    @Nullable Instant activatedAt) {

  static RegisteredCouncil provisioning(String slug, String name, int laCode, Instant now) {
    return new RegisteredCouncil(slug, name, laCode, CouncilStatus.PROVISIONING, now, null);
  }
}
