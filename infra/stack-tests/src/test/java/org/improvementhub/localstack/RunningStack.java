package org.improvementhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.EmbeddedKafkaBroker;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Every service as its own process on a fresh database, started once for the operations ITs of one
 * test JVM (starting five JVMs per test class would double the module's run time) and stopped when
 * the JVM ends. It has a broker of its own: the services' consumer groups have fixed names, so a
 * stack left running on the shared broker would take the partitions of every stack started after it
 * in this JVM (EndToEndIT, DemoProgrammesIT) and answer their councils from its own database.
 */
final class RunningStack {

  static final String ADMIN = "admin@ops.test";
  static final String ADMIN_PASSWORD = "Ops-Admin-Password-1";

  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

  private RunningStack() {}

  static RunningStack shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    private static final RunningStack INSTANCE = start();
  }

  private static RunningStack start() {
    RunningStack stack = new RunningStack();
    try {
      TestInfrastructure infra = TestInfrastructure.shared();
      EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
      Path root =
          BuiltServices.copyFrom(
              Path.of(System.getProperty("user.dir")).resolve("../..").normalize(),
              Files.createTempDirectory("hub-ops-services"));
      Path logs = Path.of(System.getProperty("user.dir"), "target", "ops-logs");
      Path keys = Files.createTempDirectory("hub-ops-keys");
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (HubService service : HubService.all()) {
        ports.put(service.name(), freePort());
      }
      StackConfiguration configuration =
          new StackConfiguration(
              infra.freshDatabase(),
              broker.bootstrapServers(),
              infra.mail(),
              ports.get("tenancy"),
              keys.resolve("signing-key.pem"),
              ADMIN,
              ADMIN_PASSWORD,
              "0 0 0 1 1 ?");
      for (HubService service : HubService.all()) {
        stack.services.put(
            service.name(),
            ServiceProcess.start(
                service,
                ports.get(service.name()),
                root,
                configuration.propertiesFor(service),
                logs));
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  // killed, not stopped: the fork has 30 s to exit and nothing here needs saving
                  () -> {
                    stack.services.values().parallelStream().forEach(ServiceProcess::kill);
                    broker.close();
                  },
                  "ops-stack-stop"));
      for (ServiceProcess process : stack.services.values()) {
        process.awaitHealthy(Duration.ofSeconds(180));
      }
      // the portal last: it is given the services' addresses
      ServiceProcess portal =
          Portal.start(freePort(), root, List.copyOf(stack.services.values()), logs);
      stack.services.put(HubService.PORTAL.name(), portal);
      portal.awaitHealthy(Duration.ofSeconds(180));
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, ServiceProcess> services() {
    return services;
  }

  HubApi api(String service) {
    return new HubApi(services.get(service).baseUrl());
  }

  String adminToken() {
    return DemoCouncils.login(api("tenancy"), ADMIN, ADMIN_PASSWORD);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
