package org.improvementhub.councilschemas;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.improvementhub.tenancy.context.CouncilStatus;
import org.improvementhub.tenancy.context.CouncilStatuses;
import org.improvementhub.tenancy.context.KnownCouncils.CouncilSchemaState;

/**
 * Each council's status as tenancy announced it, kept in this service's {@code council} table so
 * that every replica knows it without asking tenancy. Requests read it from memory; the memory is
 * reloaded from the table every {@code hub.council-status.refresh} (default 10 s), so a replica
 * that did not consume the event itself follows within that time, and the one that did at once.
 */
@Singleton
public class AnnouncedCouncilStatuses implements CouncilStatuses {

  private final DataSource dataSource;
  private final String table;
  private final CouncilSchemaRegistry registry;
  private final Clock clock;
  private final Duration refresh;
  private volatile Map<CouncilSlug, CouncilStatus> known = Map.of();
  private volatile Instant loadedAt = Instant.MIN;

  public AnnouncedCouncilStatuses(
      DataSource dataSource,
      DataSourceResolver resolver,
      ServiceSchema schema,
      CouncilSchemaRegistry registry,
      Clock clock,
      @Value("${hub.council-status.refresh:10s}") Duration refresh) {
    this.dataSource = resolver.resolve(dataSource);
    this.table = schema.table("council");
    this.registry = registry;
    this.clock = clock;
    this.refresh = refresh;
  }

  @Override
  public CouncilStatus statusOf(CouncilSlug council) {
    return current().getOrDefault(council, CouncilStatus.ACTIVE);
  }

  /**
   * The councils scheduled work (scans, digests, emails) runs for: this service's tables are ready
   * in their schema and they are neither suspended nor archived.
   */
  public List<CouncilSlug> councilsAtWork() {
    Map<CouncilSlug, CouncilStatus> statuses = current();
    return registry.knownCouncils().stream()
        .filter(c -> statuses.getOrDefault(c, CouncilStatus.ACTIVE) == CouncilStatus.ACTIVE)
        .filter(c -> registry.stateOf(c) == CouncilSchemaState.READY)
        .toList();
  }

  /**
   * Records a status tenancy announced. An announcement older than the one recorded (a replay of
   * the topic) changes nothing, so applying one twice or late is harmless.
   */
  public void record(
      CouncilSlug council, CouncilStatus status, Instant changedAt, @Nullable String reason) {
    String sql =
        "INSERT INTO "
            + table
            + " AS c (slug, status, status_changed_at, status_reason) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (slug) DO UPDATE SET status = EXCLUDED.status,"
            + " status_changed_at = EXCLUDED.status_changed_at,"
            + " status_reason = EXCLUDED.status_reason"
            + " WHERE c.status_changed_at IS NULL"
            + " OR c.status_changed_at <= EXCLUDED.status_changed_at";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, council.value());
      statement.setString(2, status.name());
      statement.setTimestamp(3, Timestamp.from(changedAt));
      statement.setString(4, reason);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Council status could not be recorded", e);
    }
    loadedAt = Instant.MIN; // this replica sees its own change at once
  }

  private Map<CouncilSlug, CouncilStatus> current() {
    Instant now = clock.instant();
    if (loadedAt.plus(refresh).isAfter(now)) {
      return known;
    }
    Map<CouncilSlug, CouncilStatus> loaded = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT slug, status FROM " + table + " WHERE status IS NOT NULL");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        Optional<CouncilSlug> slug = CouncilSlug.parse(rows.getString(1));
        if (slug.isPresent()) {
          loaded.put(slug.get(), CouncilStatus.valueOf(rows.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Council statuses could not be read", e);
    }
    known = Map.copyOf(loaded);
    loadedAt = now;
    return known;
  }
}
