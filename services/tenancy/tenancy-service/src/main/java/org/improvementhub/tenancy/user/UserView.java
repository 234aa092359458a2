package org.improvementhub.tenancy.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
@Serdeable
// every field is always there, [] or null when empty, so clients never guess at a missing one
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserView(
    UUID id,
    String email,
    String displayName,
    @Nullable String council,
    List<String> roles,
    List<String> observerScope,
    Instant createdAt,
    boolean disabled) {

  static UserView of(UserAccount user) {
    return new UserView(
        user.id(),
        user.email(),
        user.displayName(),
        user.council(),
        user.roleNames(),
        user.observerScopeSlugs(),
        user.createdAt(),
        user.disabled());
  }
}
