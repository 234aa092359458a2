package org.improvementhub.testsupport.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL, Kafka and SMTP servers every integration test in this JVM shares, chosen once:
 *
 * <ol>
 *   <li>from the environment ({@code HUB_TEST_PG_HOST}, {@code HUB_TEST_PG_PORT}, {@code
 *       HUB_TEST_PG_USER}, {@code HUB_TEST_PG_PASSWORD}; {@code HUB_TEST_KAFKA_BOOTSTRAP}; {@code
 *       HUB_TEST_SMTP_HOST}, {@code HUB_TEST_SMTP_PORT}, {@code HUB_TEST_IMAP_PORT}), each on its
 *       own;
 *   <li>otherwise as containers, when a Docker engine answers;
 *   <li>otherwise embedded in this JVM (zonky PostgreSQL 17, Kafka KRaft, GreenMail).
 * </ol>
 *
 * Starting them once per JVM rather than per test class saves several seconds a class; each test
 * class still gets a database of its own from {@link #freshDatabase()}.
 */
public final class TestInfrastructure {

  private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);

  private final PostgresEndpoint postgres;
  private final String kafkaBootstrapServers;
  private final MailEndpoint mail;
  private final String source;

  private TestInfrastructure(
      PostgresEndpoint postgres, String kafkaBootstrapServers, MailEndpoint mail, String source) {
    this.postgres = postgres;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mail = mail;
    this.source = source;
  }

  /** The servers for this JVM, started on first use. */
  public static TestInfrastructure shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    private static final TestInfrastructure INSTANCE = start(System.getenv());
  }

  static TestInfrastructure start(Map<String, String> env) {
    boolean docker =
        !env.containsKey("HUB_TEST_NO_DOCKER") && ContainerInfrastructure.dockerAnswers();
    Shutdown shutdown = new Shutdown();
    long began = System.nanoTime();

    PostgresEndpoint postgres;
    String pgSource;
    if (env.containsKey("HUB_TEST_PG_HOST")) {
      postgres =
          new PostgresEndpoint(
              env.get("HUB_TEST_PG_HOST"),
              Integer.parseInt(env.getOrDefault("HUB_TEST_PG_PORT", "5432")),
              "postgres",
              env.getOrDefault("HUB_TEST_PG_USER", "postgres"),
              env.getOrDefault("HUB_TEST_PG_PASSWORD", "postgres"));
      pgSource = "environment";
    } else if (docker) {
      postgres = ContainerInfrastructure.postgres();
      pgSource = "container";
    } else {
      EmbeddedPostgresServer server = EmbeddedPostgresServer.startEphemeral();
      shutdown.last(server);
      postgres = server.endpoint();
      pgSource = "embedded";
    }

    String kafka;
    String kafkaSource;
    if (env.containsKey("HUB_TEST_KAFKA_BOOTSTRAP")) {
      kafka = env.get("HUB_TEST_KAFKA_BOOTSTRAP");
      kafkaSource = "environment";
    } else if (docker) {
      kafka = ContainerInfrastructure.kafka();
      kafkaSource = "container";
    } else {
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
      shutdown.first(broker);
      kafka = broker.bootstrapServers();
      kafkaSource = "embedded";
    }

    MailEndpoint mail;
    String mailSource;
    if (env.containsKey("HUB_TEST_SMTP_HOST")) {
      mail =
          new MailEndpoint(
              env.get("HUB_TEST_SMTP_HOST"),
              Integer.parseInt(env.getOrDefault("HUB_TEST_SMTP_PORT", "25")),
              Integer.parseInt(env.getOrDefault("HUB_TEST_IMAP_PORT", "143")));
      mailSource = "environment";
    } else if (docker) {
      mail = ContainerInfrastructure.mail();
      mailSource = "container";
    } else {
      EmbeddedMailServer server = EmbeddedMailServer.startEphemeral();
      shutdown.first(server);
      mail = server.endpoint();
      mailSource = "embedded";
    }
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "hub-test-infrastructure-stop"));
    String source = "postgres=" + pgSource + " kafka=" + kafkaSource + " mail=" + mailSource;
    LOG.info(
        "Test infrastructure up in {} ms ({})", (System.nanoTime() - began) / 1_000_000, source);
    return new TestInfrastructure(postgres, kafka, mail, source);
  }

  public PostgresEndpoint postgres() {
    return postgres;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  public MailEndpoint mail() {
    return mail;
  }

  /** Where each server came from, for the test log. */
  public String source() {
    return source;
  }

  /** A new, empty database on the shared server, so that test classes never see each other. */
  public PostgresEndpoint freshDatabase() {
    String name = "hub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection admin =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create a test database", e);
    }
    return postgres.withDatabase(name);
  }

  /** Stops what this JVM started, broker and mail before the database. */
  private static final class Shutdown {
    private final java.util.List<AutoCloseable> order = new java.util.ArrayList<>();
    private AutoCloseable last;

    void first(AutoCloseable closeable) {
      order.add(closeable);
    }

    void last(AutoCloseable closeable) {
      last = closeable;
    }

    void run() {
      if (last != null) {
        order.add(last);
      }
      for (AutoCloseable closeable : order) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.debug("Stopping {} failed", closeable, e);
        }
      }
    }
  }
}
