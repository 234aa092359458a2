package org.improvementhub.tenancy.signin;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import org.improvementhub.tenancy.user.UserAccount;

/**
 * Failed sign-in counts and lock-outs, in the {@code tenancy} schema. Each statement is one atomic
 * row change, so concurrent sign-ins on several instances count every failure once.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SignInThrottleRepository extends GenericRepository<UserAccount, String> {

  /** The latest moment any of the two keys stays locked, if one is locked at {@code now}. */
  @Query(
      "SELECT max(locked_until) FROM tenancy.sign_in_throttle"
          + " WHERE ((kind = 'ACCOUNT' AND key = :account) OR (kind = 'ADDRESS' AND key = :address))"
          + " AND locked_until > :now")
  Optional<Instant> lockedUntil(String account, String address, Instant now);

  /**
   * Counts one failure; a row whose window began at or before {@code windowStart}, or whose
   * lock-out is over, starts again from one.
   */
  @Query(
      "INSERT INTO tenancy.sign_in_throttle (kind, key, failures, window_started_at)"
          + " VALUES (:kind, :key, 1, :now)"
          + " ON CONFLICT (kind, key) DO UPDATE SET"
          + " failures = CASE WHEN sign_in_throttle.window_started_at <= :windowStart"
          + "   OR sign_in_throttle.locked_until <= :now THEN 1"
          + "   ELSE sign_in_throttle.failures + 1 END,"
          + " window_started_at = CASE WHEN sign_in_throttle.window_started_at <= :windowStart"
          + "   OR sign_in_throttle.locked_until <= :now THEN :now"
          + "   ELSE sign_in_throttle.window_started_at END,"
          + " locked_until = CASE WHEN sign_in_throttle.window_started_at <= :windowStart"
          + "   OR sign_in_throttle.locked_until <= :now THEN NULL"
          + "   ELSE sign_in_throttle.locked_until END")
  void countFailure(String kind, String key, Instant now, Instant windowStart);

  /**
   * Locks the key until {@code until} if its failures reached {@code maxFailures} and it is not
   * locked yet.
   *
   * @return 1 if this call started the lock-out, else 0
   */
  @Query(
      "UPDATE tenancy.sign_in_throttle SET locked_until = :until"
          + " WHERE kind = :kind AND key = :key AND failures >= :maxFailures"
          + " AND locked_until IS NULL")
  long lockIfReached(String kind, String key, int maxFailures, Instant until);

  @Query(
      "INSERT INTO tenancy.sign_in_lockout (kind, key, failures, locked_at, locked_until)"
          + " SELECT kind, key, failures, :now, locked_until FROM tenancy.sign_in_throttle"
          + " WHERE kind = :kind AND key = :key")
  void recordLockout(String kind, String key, Instant now);

  /** Forgets an account's failures after a successful sign-in. */
  @Query("DELETE FROM tenancy.sign_in_throttle WHERE kind = 'ACCOUNT' AND key = :account")
  void forgetAccount(String account);
}
