package org.improvementhub.tenancy.council;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The registry rows, in the {@code tenancy} schema. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegisteredCouncilRepository extends CrudRepository<RegisteredCouncil, String> {

  boolean existsByLaCode(int laCode);

  List<RegisteredCouncil> findAllOrderBySlug();

  /**
   * Reads the council and locks its row until the transaction ends, so that two services' answers
   * about one council are counted one after the other.
   */
  @Query("SELECT * FROM tenancy.registered_council WHERE slug = :slug FOR UPDATE")
  Optional<RegisteredCouncil> lockBySlug(String slug);

  /**
   * Marks a provisioning council active.
   *
   * @return 1 if this call activated it, 0 if it was not provisioning
   */
  @Query(
      "UPDATE tenancy.registered_council SET status = 'ACTIVE', activated_at = :activatedAt"
          + " WHERE slug = :slug AND status = 'PROVISIONING'")
  int activate(String slug, Instant activatedAt);

  /** Sets the council's status; the caller has checked the change is allowed. */
  @Query("UPDATE tenancy.registered_council SET status = :status WHERE slug = :slug")
  int changeStatus(String slug, String status);
}
