package org.improvementhub.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.improvementhub.testsupport.infra.PostgresEndpoint;

/**
 * A PostgreSQL server of the harness's own (zonky's binaries, a data directory and port that stay
 * the same) that can crash and come back: {@link #crash()} kills the postmaster and every backend
 * with SIGKILL, as the kernel's OOM killer or a lost node would, so nothing is flushed or shut down
 * cleanly; {@link #start()} starts the same binaries on the same data directory and port, which
 * runs PostgreSQL's crash recovery. The shared test database cannot be used: other tests need it.
 */
final class CrashablePostgres implements AutoCloseable {

  // fsync off costs nothing here: a killed process loses nothing the kernel already has. The
  // commit must still wait for its WAL write: zonky turns synchronous_commit off by default, and
  // with it off the first crash lost a read-model update whose Kafka offset was already committed
  // (an event lost by configuration, not by the services), so it is set on explicitly.
  private static final Map<String, String> SETTINGS =
      Map.of("max_connections", "300", "fsync", "off", "synchronous_commit", "on");
  private static final Duration START = Duration.ofSeconds(60);

  private final EmbeddedPostgres first;
  private final Path dataDirectory;
  private final int port;
  private final Path postgresBinary;
  private final Path log;

  private CrashablePostgres(EmbeddedPostgres first, Path dataDirectory, int port, Path log) {
    this.first = first;
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.log = log;
    this.postgresBinary = Path.of(postmaster().info().command().orElseThrow());
  }

  /**
   * Starts a new, empty server.
   *
   * @param log where the server writes after a restart (before, zonky logs its output)
   */
  static CrashablePostgres start(int port, Path log) {
    try {
      Path data = Files.createTempDirectory("hub-faults-pg");
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(data)
              .setCleanDataDirectory(true)
              .setPGStartupWait(START);
      SETTINGS.forEach(builder::setServerConfig);
      Files.createDirectories(log.getParent());
      return new CrashablePostgres(builder.start(), data, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start on port " + port, e);
    }
  }

  PostgresEndpoint endpoint() {
    return new PostgresEndpoint("localhost", port, "postgres", "postgres", "postgres");
  }

  /** Kills every process of the server at once with SIGKILL and waits until they are gone. */
  void crash() {
    ProcessHandle postmaster = postmaster();
    List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
    all.add(postmaster);
    // the postmaster first: a backend that outlived it would keep the shared memory busy
    postmaster.destroyForcibly();
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : all) {
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(
            "PostgreSQL process " + process.pid() + " outlived SIGKILL");
      }
    }
  }

  /** Starts the server again on the same data directory and port, and waits until it answers. */
  void start() {
    Path pgCtl = postgresBinary.resolveSibling("pg_ctl");
    List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-F"));
    SETTINGS.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root; as zonky does, run it as root of a user namespace
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(
        List.of(
            pgCtl.toString(),
            "-D",
            dataDirectory.toString(),
            "-o",
            String.join(" ", options),
            "-l",
            log.toString(),
            "-t",
            String.valueOf(START.toSeconds()),
            "-w",
            "start"));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(START.toSeconds() + 5, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("pg_ctl start failed for " + dataDirectory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The running postmaster, from the pid file PostgreSQL keeps in its data directory. */
  private ProcessHandle postmaster() {
    try {
      String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
      return ProcessHandle.of(Long.parseLong(pid))
          .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL is not running", e);
    }
  }

  /** Stops whichever postmaster runs on the data directory now (zonky's pg_ctl stop). */
  @Override
  public void close() {
    try {
      first.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
