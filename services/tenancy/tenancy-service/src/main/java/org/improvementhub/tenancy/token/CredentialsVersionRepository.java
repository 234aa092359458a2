package org.improvementhub.tenancy.token;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;
import java.util.UUID;
import org.improvementhub.tenancy.user.UserAccount;

/** A person's credentials version, read and counted up in the {@code tenancy} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CredentialsVersionRepository extends GenericRepository<UserAccount, UUID> {

  @Query("SELECT credentials_version FROM tenancy.user_account WHERE email = :email")
  Optional<Integer> findVersion(String email);

  @Query(
      "UPDATE tenancy.user_account SET credentials_version = credentials_version + 1"
          + " WHERE id = :id")
  long increment(UUID id);
}
