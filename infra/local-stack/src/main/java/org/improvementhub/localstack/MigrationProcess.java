package org.improvementhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started as the Helm chart's migration Job starts it: with the argument {@code migrate},
 * to migrate its schemas and exit (chart README, "Migration contract"). Used by the contract's test
 * and by the start-up bench.
 */
public final class MigrationProcess {

  private final Process process;
  private final Path log;

  private MigrationProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code service} with {@code arguments} (normally just {@code migrate}).
   *
   * @param properties configuration, as Micronaut property names (system properties)
   * @param log the file the run's output goes to (replaced)
   */
  public static MigrationProcess start(
      HubService service,
      Path repositoryRoot,
      Map<String, String> properties,
      List<String> arguments,
      Path log) {
    Path module = service.moduleDirectory(repositoryRoot);
    Path classpathFile = module.resolve("target/runtime-classpath.txt");
    if (!Files.exists(classpathFile)) {
      throw new IllegalStateException(service.name() + " is not built: missing " + classpathFile);
    }
    try {
      String classpath =
          module.resolve("target/classes")
              + java.io.File.pathSeparator
              + Files.readString(classpathFile).strip();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
      command.add("-cp");
      command.add(classpath);
      command.add(service.mainClass());
      command.addAll(arguments);
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new MigrationProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + service.name() + " migrate", e);
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the run to end.
   *
   * @return its exit status
   * @throws IllegalStateException if it is still running after {@code timeoutSeconds} (it is
   *     killed)
   */
  public int awaitExit(long timeoutSeconds) {
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "The migration run did not exit within " + timeoutSeconds + " s; see " + log);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the run printed. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
