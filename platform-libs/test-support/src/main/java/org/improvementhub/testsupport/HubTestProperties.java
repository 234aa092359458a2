package org.improvementhub.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.tokens.TestTokens;

/**
 * The configuration a service needs to run against the shared test infrastructure: its own fresh
 * database, the broker, the mail server and the test token issuer. Use from a {@code
 * TestPropertyProvider}.
 */
public final class HubTestProperties {

  private final Map<String, String> properties = new HashMap<>();
  private final PostgresEndpoint database;

  private HubTestProperties(PostgresEndpoint database) {
    this.database = database;
  }

  /** Properties for a service on a database of its own. */
  public static HubTestProperties freshDatabase() {
    return on(TestInfrastructure.shared().freshDatabase());
  }

  /** Properties for a service sharing {@code database} with others (as in production). */
  public static HubTestProperties on(PostgresEndpoint database) {
    TestInfrastructure infra = TestInfrastructure.shared();
    HubTestProperties props = new HubTestProperties(database);
    props.properties.put("datasources.default.url", database.jdbcUrl());
    props.properties.put("datasources.default.username", database.user());
    props.properties.put("datasources.default.password", database.password());
    props.properties.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
    props.properties.put("javamail.properties.mail.smtp.host", infra.mail().host());
    props.properties.put(
        "javamail.properties.mail.smtp.port", String.valueOf(infra.mail().smtpPort()));
    props.properties.put(
        "micronaut.security.token.jwt.signatures.jwks.tenancy.url", TestTokens.shared().jwksUrl());
    props.properties.put(
        "micronaut.security.token.jwt.claims-validators.issuer", TestTokens.ISSUER);
    props.properties.put(
        "micronaut.security.token.jwt.claims-validators.audience", TestTokens.AUDIENCE);
    props.properties.put("hub.outbox.poll-interval", "50ms");
    props.properties.put("micronaut.server.port", "-1");
    return props;
  }

  public HubTestProperties with(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public PostgresEndpoint database() {
    return database;
  }

  public Map<String, String> build() {
    return Map.copyOf(properties);
  }
}
