package org.improvementhub.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;

/**
 * The services (tenancy, plans, measures, notifications, oversight; not the portal), each its own
 * process, on a PostgreSQL server, a Kafka broker and an SMTP server of their own that the harness
 * can take away and bring back (the services' consumer groups have fixed names: a second stack on a
 * shared broker would take this one's partitions). One stack serves every fault test of the JVM
 * ({@link #shared()}): starting five services costs more than any one run.
 */
final class FaultStack implements AutoCloseable {

  static final String ADMIN = "admin@faults.test";
  static final String ADMIN_PASSWORD = "Faults-Admin-Password-1";
  private static final Duration START = Duration.ofSeconds(180);
  private static final List<HubService> SERVICES =
      List.of(
          HubService.TENANCY,
          HubService.PLANS,
          HubService.MEASURES,
          HubService.NOTIFICATIONS,
          HubService.OVERSIGHT);

  private final Path root;
  private final Path logs;
  private final CrashablePostgres postgres;
  private final StoppableBroker broker;
  private final CapturedMail mail;
  private final StackConfiguration configuration;
  private final Map<String, Integer> ports;
  private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
  // LA codes are unique among councils; these are not real ones
  private final AtomicInteger laCodes = new AtomicInteger(900);
  private boolean closed;

  private FaultStack(
      Path root,
      Path logs,
      CrashablePostgres postgres,
      StoppableBroker broker,
      CapturedMail mail,
      StackConfiguration configuration,
      Map<String, Integer> ports) {
    this.root = root;
    this.logs = logs;
    this.postgres = postgres;
    this.broker = broker;
    this.mail = mail;
    this.configuration = configuration;
    this.ports = ports;
  }

  /**
   * The stack every fault test of this JVM shares, started from the repository the tests run in on
   * first use and stopped when the JVM ends.
   */
  static FaultStack shared() {
    return Shared.STACK;
  }

  private static final class Shared {
    private static final FaultStack STACK = startShared();

    private static FaultStack startShared() {
      Path module = Path.of(System.getProperty("user.dir"));
      FaultStack stack =
          start(module.resolve("../..").normalize(), module.resolve("target/fault-logs"));
      Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "fault-stack-stop"));
      return stack;
    }
  }

  /**
   * Starts the stack from the services built under {@code root}.
   *
   * @param logs where each service writes its output
   */
  static FaultStack start(Path root, Path logs) {
    try {
      CrashablePostgres postgres =
          CrashablePostgres.start(FreePorts.next(), logs.resolve("postgres.log"));
      StoppableBroker broker = StoppableBroker.start();
      CapturedMail mail = CapturedMail.startOn(FreePorts.next());
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (HubService service : SERVICES) {
        ports.put(service.name(), FreePorts.next());
      }
      Path keys = Files.createTempDirectory("hub-faults-keys");
      StackConfiguration configuration =
          new StackConfiguration(
              postgres.endpoint(),
              broker.bootstrapServers(),
              mail.endpoint(),
              ports.get(HubService.TENANCY.name()),
              keys.resolve("signing-key.pem"),
              ADMIN,
              ADMIN_PASSWORD,
              // never by itself: each batch asks for its own scan
              "0 0 0 1 1 ?");
      FaultStack stack = new FaultStack(root, logs, postgres, broker, mail, configuration, ports);
      for (HubService service : SERVICES) {
        stack.launch(service);
      }
      for (ServiceProcess process : stack.running.values()) {
        process.awaitHealthy(START);
      }
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ServiceProcess launch(HubService service) {
    Map<String, String> properties = configuration.propertiesFor(service);
    if (service.equals(HubService.NOTIFICATIONS)) {
      properties.put("hub.notifications.dispatch.interval", "100ms");
      // An outage of minutes must be retried within seconds of its end, not an hour later; the
      // number of attempts is raised so that a long outage cannot use them all up.
      properties.put("hub.notifications.retry.first-delay", "1s");
      properties.put("hub.notifications.retry.max-delay", "5s");
      properties.put("hub.notifications.retry.max-attempts", "100000");
      // (the Kafka session of 10 s that keeps a SIGKILLed consumer from holding its partitions
      // for 45 s is in every service's application.yml)
    }
    ServiceProcess process =
        ServiceProcess.start(service, ports.get(service.name()), root, properties, logs);
    running.put(service.name(), process);
    return process;
  }

  /**
   * Kills notifications with SIGKILL, as a crash or an OOM kill would, and starts it again.
   *
   * @return when the signal was sent
   */
  Instant crashAndRestartNotifications() {
    Instant killedAt = Instant.now();
    running.get(HubService.NOTIFICATIONS.name()).kill();
    launch(HubService.NOTIFICATIONS).awaitHealthy(START);
    return killedAt;
  }

  HubApi api(HubService service) {
    return new HubApi(running.get(service.name()).baseUrl());
  }

  String adminToken() {
    return DemoCouncils.login(api(HubService.TENANCY), ADMIN, ADMIN_PASSWORD);
  }

  int nextLaCode() {
    return laCodes.incrementAndGet();
  }

  CapturedMail mail() {
    return mail;
  }

  StoppableBroker broker() {
    return broker;
  }

  CrashablePostgres postgres() {
    return postgres;
  }

  /** The services now running, by name. */
  Map<String, ServiceProcess> services() {
    return Map.copyOf(running);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    running.values().parallelStream().forEach(ServiceProcess::kill);
    mail.close();
    broker.close();
    postgres.close();
  }
}
