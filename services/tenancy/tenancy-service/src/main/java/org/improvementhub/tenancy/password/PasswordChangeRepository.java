package org.improvementhub.tenancy.password;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.UUID;
import org.improvementhub.tenancy.user.UserAccount;

/** A person's new password hash and the record of the change, in the {@code tenancy} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PasswordChangeRepository extends GenericRepository<UserAccount, UUID> {

  /**
   * Replaces the hash only if it is still the one checked, so that two changes at once cannot both
   * succeed against the same current password.
   *
   * @return 1 if replaced, 0 if the password changed meanwhile
   */
  @Query(
      "UPDATE tenancy.user_account SET password_hash = :newHash"
          + " WHERE id = :id AND password_hash = :checkedHash")
  long replaceHash(UUID id, String checkedHash, String newHash);

  @Query(
      "INSERT INTO tenancy.password_change (user_id, changed_by, changed_at, client_address)"
          + " VALUES (:userId, :changedBy, :changedAt, :clientAddress)")
  void record(UUID userId, String changedBy, Instant changedAt, String clientAddress);
}
