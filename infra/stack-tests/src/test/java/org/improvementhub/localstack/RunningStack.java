package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.EmbeddedKafkaBroker;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.PostgresEndpoint;
import org.improvementhub.testsupport.infra.TestInfrastructure;
import org.improvementhub.testsupport.kafka.TestKafka;

/**
 * Every service as its own process on a fresh database, started once for every IT of this module
 * that needs the whole stack (starting six JVMs per test class cost some 80 s a class) and stopped
 * when the JVM ends. The classes that share it keep out of each other's way by naming their own
 * councils and people; one that restarts a service does it through {@link #restart}, which waits
 * until it is healthy again. It has a broker of its own: the services' consumer groups have fixed
 * names, so a stack left running on the shared broker would take the partitions of every stack
 * started after it in this JVM (EndToEndIT, DemoProgrammesIT) and answer their councils from its
 * own database.
 */
final class RunningStack {

  static final String ADMIN = "admin@ops.test";
  static final String ADMIN_PASSWORD = "Ops-Admin-Password-1";

  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private PostgresEndpoint database;
  private TestKafka kafka;

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
      stack.database = infra.freshDatabase();
      stack.kafka = TestKafka.on(broker.bootstrapServers());
      Path root =
          BuiltServices.copyFrom(
              Path.of(System.getProperty("user.dir")).resolve("../..").normalize(),
              Files.createTempDirectory("hub-ops-services"));
      Path logs = Path.of(System.getProperty("user.dir"), "target", "ops-logs");
      Path keys = Files.createTempDirectory("hub-ops-keys");
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (HubService service : HubService.all()) {
        ports.put(service.name(), FreePorts.next());
      }
      StackConfiguration configuration =
          new StackConfiguration(
              stack.database,
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
          Portal.start(FreePorts.next(), root, List.copyOf(stack.services.values()), logs);
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

  /** The stack's own database. */
  PostgresEndpoint database() {
    return database;
  }

  /** Raw messages on the stack's own broker. */
  TestKafka kafka() {
    return kafka;
  }

  /**
   * Stops {@code service} (SIGTERM) and starts it again on the same port with the same
   * configuration, as a pod restart would, and waits until it is healthy.
   */
  synchronized void restart(String service) {
    ServiceProcess restarted = services.get(service).restart();
    services.put(service, restarted);
    restarted.awaitHealthy(Duration.ofSeconds(120));
  }

  HubApi api(String service) {
    return new HubApi(services.get(service).baseUrl());
  }

  String adminToken() {
    return DemoCouncils.login(api("tenancy"), ADMIN, ADMIN_PASSWORD);
  }

  /**
   * Provisions {@code council} through tenancy's API as the platform admin {@code admin}, waits
   * until it is active in every service, adds a programme manager and signs them in.
   *
   * @return the programme manager's token
   */
  String provisionWithManager(
      String admin, String council, String name, int laCode, String email, String password) {
    HubApi tenancy = api("tenancy");
    ApiResponse created =
        tenancy.post(
            "/councils",
            admin,
            "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d}".formatted(council, name, laCode));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    tenancy.awaitGet(
        "/councils/" + council,
        admin,
        r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
        Duration.ofSeconds(90));
    ApiResponse user =
        tenancy.post(
            "/councils/" + council + "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"PM\",\"password\":\"%s\",\"roles\":[\"PROGRAMME_MANAGER\"]}"
                .formatted(email, password));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return DemoCouncils.login(tenancy, email, password);
  }
}
