package org.improvementhub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.improvementhub.testsupport.infra.EmbeddedKafkaBroker;
import org.improvementhub.testsupport.infra.FreePorts;

/**
 * The harness's Kafka broker (in this JVM, KRaft) on fixed ports and a log directory that outlive
 * it, so that it can be stopped and started again as the same broker: the services' producers,
 * consumers and admin clients reconnect to the address they had, and the topics, their records and
 * the consumer groups' offsets are still there. An in-process broker cannot be sent SIGKILL; its
 * stop closes every connection the services had, which is what they see of a broker that died.
 */
final class StoppableBroker implements AutoCloseable {

  private final int port;
  private final int controllerPort;
  private final Path logDirectory;
  private EmbeddedKafkaBroker running;

  private StoppableBroker(int port, int controllerPort, Path logDirectory) {
    this.port = port;
    this.controllerPort = controllerPort;
    this.logDirectory = logDirectory;
  }

  static StoppableBroker start() {
    try {
      StoppableBroker broker =
          new StoppableBroker(
              FreePorts.next(), FreePorts.next(), Files.createTempDirectory("hub-faults-kafka"));
      broker.startAgain();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  synchronized void stop() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  synchronized void startAgain() {
    if (running == null) {
      running = EmbeddedKafkaBroker.startPersistent(port, controllerPort, logDirectory, 1);
    }
  }

  @Override
  public synchronized void close() {
    stop();
    try (Stream<Path> files = Files.walk(logDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
