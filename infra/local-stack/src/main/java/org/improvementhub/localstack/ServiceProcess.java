package org.improvementhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service running as its own JVM, started from its module's compiled classes and the runtime
 * classpath Maven wrote beside them ({@code target/runtime-classpath.txt}). Configuration is passed
 * as system properties, which Micronaut ranks above its {@code application.yml}.
 */
public final class ServiceProcess implements AutoCloseable {

  /**
   * Where the class data sharing archives are kept ({@code HUB_SERVICE_CDS}, or the system property
   * {@code hub.service.cds}); unset, no archive is made or used.
   */
  public static final String CDS_FOLDER = "HUB_SERVICE_CDS";

  private final HubService service;
  private final int port;
  private final Process process;
  private final Path log;
  private final List<String> command;
  private final Instant startedAt;

  private ServiceProcess(
      HubService service,
      int port,
      Process process,
      Path log,
      List<String> command,
      Instant startedAt) {
    this.service = service;
    this.port = port;
    this.process = process;
    this.log = log;
    this.command = command;
    this.startedAt = startedAt;
  }

  /**
   * Starts {@code service} on {@code port}.
   *
   * @param repositoryRoot where {@code services/} is
   * @param properties configuration, as Micronaut property names
   * @param logDirectory where the service's output goes, one file per service
   */
  public static ServiceProcess start(
      HubService service,
      int port,
      Path repositoryRoot,
      Map<String, String> properties,
      Path logDirectory) {
    return start(service, port, repositoryRoot, properties, logDirectory, JvmFlags.QUICK_START);
  }

  /** The same, with the JVM flags of {@code flags} (a stack held under load starts as deployed). */
  public static ServiceProcess start(
      HubService service,
      int port,
      Path repositoryRoot,
      Map<String, String> properties,
      Path logDirectory,
      JvmFlags flags) {
    Path module = service.moduleDirectory(repositoryRoot);
    Path classes = module.resolve("target/classes");
    Path classpathFile = module.resolve("target/runtime-classpath.txt");
    if (!Files.isDirectory(classes) || !Files.exists(classpathFile)) {
      throw new IllegalStateException(
          service.name()
              + " is not built: run `mvn -DskipTests install` first (missing "
              + classpathFile
              + ")");
    }
    try {
      Path archive = ClassDataSharing.archiveOf(service, module, classpathFile).orElse(null);
      String classpath =
          (archive == null ? classes.toString() : ClassDataSharing.moduleJar(module).toString())
              + java.io.File.pathSeparator
              + Files.readString(classpathFile).strip();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(flags.flags());
      if (archive != null) {
        // class data sharing: the classes a start loads, read, parsed and verified once into an
        // archive that later starts map instead of reading them from 100 jars (ClassDataSharing)
        command.add(ClassDataSharing.option(archive));
      }
      // extra JVM options for every service, e.g. a flight recording while a bench runs:
      // HUB_SERVICE_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/,settings=profile"
      String extra = System.getenv("HUB_SERVICE_JAVA_OPTS");
      if (extra != null && !extra.isBlank()) {
        command.addAll(List.of(extra.strip().split("\\s+")));
      }
      command.add("-Dmicronaut.server.port=" + port);
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(classpath);
      command.add(service.mainClass());
      Files.createDirectories(logDirectory);
      Path log = logDirectory.resolve(service.name() + ".log");
      return launch(service, port, List.copyOf(command), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + service.name(), e);
    }
  }

  private static ServiceProcess launch(
      HubService service, int port, List<String> command, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // glibc gives each thread that allocates its own 64 MB malloc arena: with Netty's, Hikari's
    // and Kafka's threads that is resident memory the JVM never asked for
    builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
    try {
      Instant startedAt = Instant.now();
      Process process = builder.start();
      return new ServiceProcess(service, port, process, log, command, startedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + service.name(), e);
    }
  }

  /**
   * Stops this process (SIGTERM) and starts the same command again, as a pod restart would: same
   * port, configuration and log file. The start benches time it alone, the rest of the stack up.
   */
  public ServiceProcess restart() {
    stop();
    // an archive this process recorded is in place now: the new start maps it
    return launch(service, port, ClassDataSharing.forRestart(command), log);
  }

  /** When the process was started ({@code exec}), for time-to-ready figures. */
  public Instant startedAt() {
    return startedAt;
  }

  /** Waits until the service answers its health check, or fails if it died or took too long. */
  public ServiceProcess awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            service.name() + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    throw new IllegalStateException(
        service.name() + " did not become healthy within " + timeout + "; see " + log);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public HubService service() {
    return service;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  /** The JVM's process id: the load bench reads its resident memory from {@code /proc}. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the service to stop (SIGTERM, so it shuts down cleanly), then insists. */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    if (!process.isAlive()) {
      ClassDataSharing.recorded(command);
    }
  }

  /** Kills the service without letting it clean up, as a crash would. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
