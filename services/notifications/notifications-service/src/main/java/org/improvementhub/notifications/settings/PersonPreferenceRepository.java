package org.improvementhub.notifications.settings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The preferences of the council the current unit of work is bound to. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PersonPreferenceRepository extends GenericRepository<PersonPreference, String> {

  @Query(value = "SELECT * FROM notification_preference ORDER BY email", nativeQuery = true)
  List<PersonPreference> findAll();

  @Query(value = "SELECT * FROM notification_preference WHERE email = :email", nativeQuery = true)
  Optional<PersonPreference> findByEmail(String email);

  @Query(
      "INSERT INTO notification_preference (email, mode, updated_at, updated_by)"
          + " VALUES (:email, :mode, :now, :by) ON CONFLICT (email) DO UPDATE SET"
          + " mode = EXCLUDED.mode, updated_at = EXCLUDED.updated_at,"
          + " updated_by = EXCLUDED.updated_by")
  void save(String email, String mode, Instant now, @Nullable String by);
}
