package org.improvementhub.tenancy.sso;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** Sign-ins under way. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PendingSignInRepository extends CrudRepository<PendingSignIn, String> {

  /**
   * Marks the sign-in finished if it was not already: 1 for the one caller that may go on, 0 for a
   * replay (however close together the two arrive).
   */
  @Query(
      "UPDATE tenancy.sso_sign_in SET finished_at = :now"
          + " WHERE state = :state AND finished_at IS NULL")
  int finish(String state, Instant now);

  @Query("DELETE FROM tenancy.sso_sign_in WHERE started_at < :before")
  int forgetStartedBefore(Instant before);
}
