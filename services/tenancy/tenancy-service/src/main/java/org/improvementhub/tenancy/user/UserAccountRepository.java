package org.improvementhub.tenancy.user;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** User accounts, in the {@code tenancy} schema. Emails are passed lower-case. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserAccountRepository extends CrudRepository<UserAccount, UUID> {

  Optional<UserAccount> findByEmail(String email);

  boolean existsByEmail(String email);

  List<UserAccount> findByCouncilOrderByEmail(String council);

  List<UserAccount> findByCouncilIsNullOrderByEmail();
}
