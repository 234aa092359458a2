package org.improvementhub.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.kafka.TestKafka;

/**
 * Provisions a council the way the tenancy service does (creates its schema, announces {@code
 * CouncilProvisioned} on the broker), for tests of a service that runs without tenancy. The service
 * under test then migrates the schema through its real listener.
 */
public final class TestCouncils {

  private static final Pattern SLUG = Pattern.compile("^[a-z][a-z0-9-]{1,40}$");

  private TestCouncils() {}

  /** A slug no other test in this JVM uses: {@code base} plus a short random suffix. */
  public static String uniqueSlug(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  public static void provision(PostgresEndpoint database, String slug, String name, int laCode) {
    if (!SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException("Not a council slug: " + slug);
    }
    String schema = "council_" + slug.replace('-', '_');
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create schema " + schema, e);
    }
    String data =
        "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d,\"schema\":\"%s\"}"
            .formatted(slug, name.replace("\"", "\\\""), laCode, schema);
    TestKafka.shared()
        .publish("tenancy.council.v1", slug, envelope("CouncilProvisioned", slug, slug, data));
  }

  /** An event envelope as the platform's outbox writes it. */
  public static String envelope(String type, String council, String aggregateId, String dataJson) {
    return envelope(UUID.randomUUID(), type, council, aggregateId, dataJson);
  }

  public static String envelope(
      UUID eventId, String type, String council, String aggregateId, String dataJson) {
    return ("{\"eventId\":\"%s\",\"type\":\"%s\",\"version\":1,\"council\":\"%s\","
            + "\"occurredAt\":\"%s\",\"aggregateId\":\"%s\",\"data\":%s}")
        .formatted(eventId, type, council, Instant.now(), aggregateId, dataJson);
  }
}
