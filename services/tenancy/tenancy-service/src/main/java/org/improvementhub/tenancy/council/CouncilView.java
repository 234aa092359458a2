package org.improvementhub.tenancy.council;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.improvementhub.tenancy.context.CouncilStatus;

/** A council as the API shows it, with the services whose tables are ready in its schema. */
@Serdeable
// every field is always there, [] or null when empty, so clients never guess at a missing one
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CouncilView(
    String slug,
    String name,
    int laCode,
    CouncilStatus status,
    List<String> servicesReady,
    Instant createdAt,
    @Nullable Instant activatedAt) {

  static CouncilView of(RegisteredCouncil council, List<String> servicesReady) {
    return new CouncilView(
        council.slug(),
        council.name(),
        council.laCode(),
        council.status(),
        List.copyOf(servicesReady),
        council.createdAt(),
        council.activatedAt());
  }
}
