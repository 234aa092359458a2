package org.improvementhub.credentials;

import io.micronaut.context.annotation.Value;
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
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.improvementhub.messaging.schema.ServiceSchema;
import org.improvementhub.tenancy.context.tokens.CurrentCredentials;

/**
 * Each person's credentials version as tenancy announced it, kept in this service's {@code
 * credentials_change} table so that every replica knows it without asking tenancy. Tokens are
 * checked against memory; the memory is reloaded from the table every {@code
 * hub.credentials.refresh} (default 10 s), so a replica that did not consume the announcement
 * itself follows within that time, and the one that did at once. Only the last day's changes are
 * loaded: no token lives that long ({@code hub.tokens.lifetime} is an hour), so an older change has
 * nothing left to refuse.
 */
@Singleton
public class AnnouncedCredentials implements CurrentCredentials {

  private static final Duration REMEMBERED = Duration.ofDays(1);

  private final DataSource dataSource;
  private final String table;
  private final Clock clock;
  private final Duration refresh;
  private volatile Map<String, Integer> known = Map.of();
  private volatile Instant loadedAt = Instant.MIN;

  public AnnouncedCredentials(
      DataSource dataSource,
      DataSourceResolver resolver,
      ServiceSchema schema,
      Clock clock,
      @Value("${hub.credentials.refresh:10s}") Duration refresh) {
    this.dataSource = resolver.resolve(dataSource);
    this.table = schema.table("credentials_change");
    this.clock = clock;
    this.refresh = refresh;
  }

  @Override
  public boolean stillCurrent(String person, Object version) {
    Integer current = current().get(person.toLowerCase(Locale.ROOT));
    return current == null || CurrentCredentials.versionOf(version) >= current;
  }

  /**
   * Records a version tenancy announced. An announcement of a version not above the one recorded (a
   * replay of the topic) changes nothing, so applying one twice or late is harmless.
   */
  public void record(String email, int version, Instant changedAt) {
    String sql =
        "INSERT INTO "
            + table
            + " AS c (email, credentials_version, changed_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (email) DO UPDATE SET credentials_version ="
            + " EXCLUDED.credentials_version, changed_at = EXCLUDED.changed_at"
            + " WHERE c.credentials_version < EXCLUDED.credentials_version";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, email.toLowerCase(Locale.ROOT));
      statement.setInt(2, version);
      statement.setTimestamp(3, Timestamp.from(changedAt));
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("A credentials change could not be recorded", e);
    }
    loadedAt = Instant.MIN; // this replica refuses the old tokens at once
  }

  private Map<String, Integer> current() {
    Instant now = clock.instant();
    if (loadedAt.plus(refresh).isAfter(now)) {
      return known;
    }
    Map<String, Integer> loaded = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT email, credentials_version FROM " + table + " WHERE changed_at > ?")) {
      statement.setTimestamp(1, Timestamp.from(now.minus(REMEMBERED)));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          loaded.put(rows.getString(1), rows.getInt(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Credentials changes could not be read", e);
    }
    known = Map.copyOf(loaded);
    loadedAt = now;
    return known;
  }
}
