package org.improvementhub.testsupport.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same three servers as containers, for a developer machine or CI with a Docker engine. Not
 * used on this project's build machines, which have none.
 */
final class ContainerInfrastructure {

  private ContainerInfrastructure() {}

  static boolean dockerAnswers() {
    if (System.getenv("DOCKER_HOST") == null
        && !java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))) {
      return false; // no engine to ask: skip Testcontainers' noisy probe
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  static PostgresEndpoint postgres() {
    PostgreSQLContainer<?> container =
        new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
            .withUsername("postgres")
            .withPassword("postgres")
            .withDatabaseName("postgres")
            .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
    container.start();
    return new PostgresEndpoint(
        container.getHost(), container.getFirstMappedPort(), "postgres", "postgres", "postgres");
  }

  static String kafka() {
    KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    container.start();
    return container.getBootstrapServers();
  }

  static MailEndpoint mail() {
    GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse("greenmail/standalone:2.1.3"))
            .withExposedPorts(3025, 3143);
    container.start();
    return new MailEndpoint(
        container.getHost(), container.getMappedPort(3025), container.getMappedPort(3143));
  }
}
