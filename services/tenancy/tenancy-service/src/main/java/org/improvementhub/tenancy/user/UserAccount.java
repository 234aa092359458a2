package org.improvementhub.tenancy.user;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Someone who may sign in. {@code email} is stored lower-case. */
@MappedEntity(value = "user_account", schema = "tenancy")
public record UserAccount(
    @Id UUID id,
    String email,
    String displayName,
    String passwordHash,
    @Nullable String council,
    @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
    @TypeDef(type = DataType.STRING_ARRAY) String[] observerScope,
    Instant createdAt,
    boolean disabled) {

  static UserAccount create(
      String email,
      String displayName,
      String passwordHash,
      @Nullable String council,
      List<String> roles,
      List<String> observerScope,
      Instant now) {
    return new UserAccount(
        UUID.randomUUID(),
        email,
        displayName,
        passwordHash,
        council,
        roles.toArray(String[]::new),
        observerScope.toArray(String[]::new),
        now,
        false);
  }

  public List<String> roleNames() {
    return List.of(roles);
  }

  public List<String> observerScopeSlugs() {
    return observerScope == null ? List.of() : List.of(observerScope);
  }
}
