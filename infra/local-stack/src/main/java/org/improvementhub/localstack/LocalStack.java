package org.improvementhub.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.EmbeddedKafkaBroker;
import org.improvementhub.testsupport.infra.EmbeddedMailServer;
import org.improvementhub.testsupport.infra.EmbeddedPostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole system locally: {@code infra/local-stack/run.sh} from the repository root. Ctrl-C
 * stops the services first, then the broker, the mail server and the database.
 */
public final class LocalStack {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  static final int POSTGRES_PORT = 15432;
  static final int KAFKA_PORT = 19092;
  static final int KAFKA_CONTROLLER_PORT = 19093;
  static final int SMTP_PORT = 3025;
  static final int IMAP_PORT = 3143;
  static final String ADMIN_EMAIL = "admin@improvementhub.local";
  static final String ADMIN_PASSWORD = "Local-Admin-Password-1";

  private final List<AutoCloseable> running = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    if (!Files.isDirectory(root.resolve("services"))) {
      throw new IllegalStateException("Run from the repository root: infra/local-stack/run.sh");
    }
    LocalStack stack = new LocalStack();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.stop();
                  stopped.countDown();
                },
                "local-stack-stop"));
    stack.start(root);
    stopped.await();
  }

  void start(Path root) {
    Path data = root.resolve(".hub-data");
    long began = System.nanoTime();
    LOG.info("Starting PostgreSQL on {} (data in {})", POSTGRES_PORT, data.resolve("postgres"));
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.startPersistent(POSTGRES_PORT, data.resolve("postgres"));
    running.add(postgres);
    LOG.info("Starting Kafka on {}", KAFKA_PORT);
    EmbeddedKafkaBroker kafka =
        EmbeddedKafkaBroker.startPersistent(
            KAFKA_PORT, KAFKA_CONTROLLER_PORT, data.resolve("kafka"), 3);
    running.add(0, kafka);
    LOG.info("Starting SMTP on {} and IMAP on {}", SMTP_PORT, IMAP_PORT);
    EmbeddedMailServer mail = EmbeddedMailServer.startOn("127.0.0.1", SMTP_PORT, IMAP_PORT);
    running.add(0, mail);

    LOG.info("Starting Walsall's demo sign-in provider on {}", DemoSignOn.PORT);
    DemoSignOn signOn = DemoSignOn.start(data.resolve("tenancy/sso-secrets"));
    running.add(0, signOn);

    StackConfiguration configuration =
        new StackConfiguration(
            postgres.endpoint(),
            kafka.bootstrapServers(),
            mail.endpoint(),
            HubService.TENANCY.defaultPort(),
            data.resolve("tenancy/signing-key.pem"),
            ADMIN_EMAIL,
            ADMIN_PASSWORD,
            "*/20 * * * * *");
    List<ServiceProcess> services = new ArrayList<>();
    for (HubService service : HubService.all()) {
      LOG.info("Starting {} on {}", service.name(), service.defaultPort());
      Map<String, String> properties = new HashMap<>(configuration.propertiesFor(service));
      if (service == HubService.TENANCY) {
        properties.putAll(signOn.tenancyProperties());
      }
      ServiceProcess process =
          ServiceProcess.start(
              service, service.defaultPort(), root, properties, data.resolve("logs"));
      services.add(process);
      running.add(0, process);
    }
    for (ServiceProcess service : services) {
      service.awaitHealthy(Duration.ofSeconds(120));
    }
    LOG.info("Provisioning the demo councils");
    new DemoCouncils(configuration.tenancyUrl(), services.get(1).baseUrl())
        .provision(ADMIN_EMAIL, ADMIN_PASSWORD);
    new DemoMeasures(configuration.tenancyUrl(), services.get(2).baseUrl()).load();
    signOn.configure(
        configuration.tenancyUrl(),
        DemoCouncils.login(new HubApi(configuration.tenancyUrl()), ADMIN_EMAIL, ADMIN_PASSWORD));
    LOG.info("Starting portal on {}", HubService.PORTAL.defaultPort());
    ServiceProcess portal =
        Portal.start(HubService.PORTAL.defaultPort(), root, services, data.resolve("logs"));
    running.add(0, portal);
    portal.awaitHealthy(Duration.ofSeconds(120));
    services.add(portal);
    LOG.info("Up in {} s", (System.nanoTime() - began) / 1_000_000_000);
    System.out.println(banner(services) + signOn.banner());
  }

  private static String banner(List<ServiceProcess> services) {
    StringBuilder out = new StringBuilder();
    out.append("\n==== Improvement Hub is running ====\n");
    for (ServiceProcess service : services) {
      out.append(
          String.format(
              "  %-14s %s   (log: %s)%n",
              service.service().name(), service.baseUrl(), service.log()));
    }
    out.append(
        String.format(
            "  %-14s jdbc:postgresql://localhost:%d/postgres  (postgres/postgres)%n",
            "postgres", POSTGRES_PORT));
    out.append(String.format("  %-14s 127.0.0.1:%d%n", "kafka", KAFKA_PORT));
    out.append(
        String.format(
            "  %-14s smtp 127.0.0.1:%d, imap 127.0.0.1:%d (login and password: the address)%n",
            "mail", SMTP_PORT, IMAP_PORT));
    out.append("\n  Platform admin:   ")
        .append(ADMIN_EMAIL)
        .append(" / ")
        .append(ADMIN_PASSWORD)
        .append('\n');
    out.append("\n  Sign in to the portal at http://localhost:")
        .append(HubService.PORTAL.defaultPort())
        .append(" with any demo user below.\n");
    out.append("  Demo users (password ").append(DemoCouncils.DEMO_PASSWORD).append("):\n");
    for (DemoCouncils.DemoCouncil council : DemoCouncils.COUNCILS) {
      out.append(
          String.format(
              "    %-16s %s (programme manager), %s (council admin); overdue action %s, lead %s%n",
              council.slug(),
              council.programmeManager(),
              council.councilAdmin(),
              council.actionRef(),
              council.actionLead()));
    }
    out.append("    DfE observer:    ").append(DemoCouncils.OBSERVER_EMAIL).append('\n');
    out.append(
        "\n  Ctrl-C stops everything. Data stays in .hub-data/ (delete it to start afresh).\n");
    return out.toString();
  }

  void stop() {
    List<AutoCloseable> toStop = new ArrayList<>(running);
    running.clear();
    toStop.parallelStream()
        .filter(ServiceProcess.class::isInstance)
        .forEach(LocalStack::closeQuietly);
    toStop.stream().filter(c -> !(c instanceof ServiceProcess)).forEach(LocalStack::closeQuietly);
    LOG.info("Stopped");
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Stopping {} failed: {}", closeable, e.getMessage());
    }
  }
}
