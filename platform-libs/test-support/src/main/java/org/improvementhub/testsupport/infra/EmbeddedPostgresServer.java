package org.improvementhub.testsupport.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * PostgreSQL 17 in a child process, from zonky's binaries: no Docker and nothing installed. With a
 * data directory it keeps its data between runs (the local stack); without, it starts empty.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** A throw-away server on a free port. */
  public static EmbeddedPostgresServer startEphemeral() {
    try {
      return new EmbeddedPostgresServer(
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /** A server on {@code port} keeping its data in {@code dataDirectory} between runs. */
  public static EmbeddedPostgresServer startPersistent(int port, Path dataDirectory) {
    try {
      return new EmbeddedPostgresServer(
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setServerConfig("max_connections", "300")
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
    }
  }

  public PostgresEndpoint endpoint() {
    return new PostgresEndpoint(
        "localhost", postgres.getPort(), "postgres", "postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
