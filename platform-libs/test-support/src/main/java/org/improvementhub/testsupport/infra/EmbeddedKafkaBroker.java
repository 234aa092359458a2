package org.improvementhub.testsupport.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka (broker and controller, KRaft) inside this JVM: what {@code kafka-storage.sh
 * format} and {@code kafka-server-start.sh} do, without the scripts or Docker. See
 * shared/notes/embedded-infra.md for the recipe this follows.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  private final KafkaRaftServer server;
  private final Path logDirectory;
  private final boolean deleteOnClose;
  private final int port;

  private EmbeddedKafkaBroker(
      KafkaRaftServer server, Path logDirectory, boolean deleteOnClose, int port) {
    this.server = server;
    this.logDirectory = logDirectory;
    this.deleteOnClose = deleteOnClose;
    this.port = port;
  }

  /** A throw-away broker on free ports, its log in a temporary directory. */
  public static EmbeddedKafkaBroker startEphemeral() {
    try {
      return start(0, FreePorts.next(), Files.createTempDirectory("hub-kafka-"), true, 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A broker on fixed ports keeping its log in {@code logDirectory} between runs. */
  public static EmbeddedKafkaBroker startPersistent(
      int port, int controllerPort, Path logDirectory, int partitions) {
    return start(port, controllerPort, logDirectory, false, partitions);
  }

  private static EmbeddedKafkaBroker start(
      int port, int controllerPort, Path logDirectory, boolean deleteOnClose, int partitions) {
    try {
      Files.createDirectories(logDirectory);
      Properties props = new Properties();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.put("controller.listener.names", "CONTROLLER");
      props.put(
          "listeners",
          "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("log.dirs", logDirectory.toString());
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "1");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.put("num.partitions", String.valueOf(partitions));
      props.put("auto.create.topics.enable", "true");
      KafkaConfig config = KafkaConfig.fromProps(props, false);
      if (!Files.exists(logDirectory.resolve("meta.properties"))) {
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setNodeId(1)
            .setClusterId(Uuid.randomUuid().toString())
            .setControllerListenerName("CONTROLLER")
            .setMetadataLogDirectory(config.metadataLogDir())
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .addDirectory(logDirectory.toString())
            .run();
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      int bound = port != 0 ? port : boundPort(server);
      return new EmbeddedKafkaBroker(server, logDirectory, deleteOnClose, bound);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Embedded Kafka did not start", e);
    }
  }

  /** The broker's real port: only reachable through the server's private broker accessor. */
  private static int boundPort(KafkaRaftServer server) throws ReflectiveOperationException {
    var brokerMethod = KafkaRaftServer.class.getDeclaredMethod("broker");
    brokerMethod.setAccessible(true);
    scala.Option<?> broker = (scala.Option<?>) brokerMethod.invoke(server);
    kafka.server.BrokerServer brokerServer = (kafka.server.BrokerServer) broker.get();
    return brokerServer.boundPort(ListenerName.normalised("PLAINTEXT"));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    if (deleteOnClose) {
      try (Stream<Path> files = Files.walk(logDirectory)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind is harmless
      }
    }
  }
}
