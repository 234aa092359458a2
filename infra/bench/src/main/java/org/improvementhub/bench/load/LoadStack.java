package org.improvementhub.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.JvmFlags;
import org.improvementhub.localstack.Portal;
import org.improvementhub.localstack.PortalSignIn;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Every service as its own process (as {@code infra/local-stack} runs them) on a fresh database of
 * the bench's embedded PostgreSQL, its Kafka broker and mail server, with the portal last. It knows
 * how long each service took to answer its health check, and stops every process it started when
 * closed.
 */
public final class LoadStack implements AutoCloseable {

  static final String ADMIN = "admin@load.bench";
  static final String ADMIN_PASSWORD = "Load-Admin-Password-1";

  /** How long a service may take to answer its health check; longer on a busy shared machine. */
  private static final Duration START =
      Duration.ofSeconds(Long.getLong("bench.start-seconds", 180));

  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Double> secondsToHealthy = new LinkedHashMap<>();

  private LoadStack() {}

  /** Starts the stack from the services built under {@code root}, logging under {@code logs}. */
  public static LoadStack start(Path root, Path logs) {
    LoadStack stack = new LoadStack();
    // the services are processes of their own: a bench stopped with Ctrl-C must not leave them
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "load-stack-stop"));
    try {
      TestInfrastructure infra = TestInfrastructure.shared();
      Map<String, Integer> ports = new LinkedHashMap<>();
      for (HubService service : HubService.all()) {
        ports.put(service.name(), FreePorts.next());
      }
      StackConfiguration configuration =
          new StackConfiguration(
              infra.freshDatabase(),
              infra.kafkaBootstrapServers(),
              infra.mail(),
              ports.get(HubService.TENANCY.name()),
              Files.createTempDirectory("hub-load-keys").resolve("signing-key.pem"),
              ADMIN,
              ADMIN_PASSWORD,
              // the overdue scan would add its own bursts of work to the load: never by itself
              "0 0 0 1 1 ?");
      Map<String, Long> began = new LinkedHashMap<>();
      for (HubService service : HubService.all()) {
        began.put(service.name(), System.nanoTime());
        stack.services.put(
            service.name(),
            ServiceProcess.start(
                service,
                ports.get(service.name()),
                root,
                configuration.propertiesFor(service),
                logs,
                // held under load: compiled as the chart's JVMs are (JvmFlags says why)
                JvmFlags.STEADY_STATE));
      }
      // all at once, as a deployment would start them; each one's own time to its health check
      stack.services.values().parallelStream()
          .forEach(
              process -> {
                process.awaitHealthy(START);
                stack.record(process, began.get(process.service().name()));
              });
      long portalBegan = System.nanoTime();
      ServiceProcess portal =
          Portal.start(FreePorts.next(), root, List.copyOf(stack.services.values()), logs);
      stack.services.put(HubService.PORTAL.name(), portal);
      portal.awaitHealthy(START);
      stack.record(portal, portalBegan);
      return stack;
    } catch (IOException e) {
      stack.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private synchronized void record(ServiceProcess process, long began) {
    secondsToHealthy.put(process.service().name(), (System.nanoTime() - began) / 1e9);
  }

  public Map<String, ServiceProcess> services() {
    return services;
  }

  /** Seconds from each process's start to its first healthy answer (started together). */
  public synchronized Map<String, Double> secondsToHealthy() {
    return new LinkedHashMap<>(secondsToHealthy);
  }

  public String url(HubService service) {
    return services.get(service.name()).baseUrl();
  }

  HubApi api(HubService service) {
    return new HubApi(url(service));
  }

  String adminToken() {
    return DemoCouncils.login(api(HubService.TENANCY), ADMIN, ADMIN_PASSWORD);
  }

  /**
   * Provisions the councils of {@code plans} through the public APIs as an operator and each
   * council's programme manager would: the council (until ACTIVE), a programme manager and a board
   * member, the plan imported from its file, three measures adopted from the library; then a DfE
   * observer of every council. Returns what the load needs to address them.
   */
  public LoadTargets provision(List<BenchPlan> plans) {
    HubApi tenancy = api(HubService.TENANCY);
    HubApi plansApi = api(HubService.PLANS);
    HubApi measures = api(HubService.MEASURES);
    String admin = adminToken();
    for (BenchPlan plan : plans) {
      expect(
          tenancy.post(
              "/councils",
              admin,
              "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d}"
                  .formatted(plan.slug(), plan.name(), plan.laCode())),
          201);
    }
    List<LoadTargets.Council> councils = new ArrayList<>();
    PortalSignIn portal = new PortalSignIn(url(HubService.PORTAL));
    for (BenchPlan plan : plans) {
      tenancy.awaitGet(
          "/councils/" + plan.slug(),
          admin,
          r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
          Duration.ofSeconds(120));
      String managerEmail = "pm@" + plan.slug() + ".bench";
      String readerEmail = "board@" + plan.slug() + ".bench";
      user(tenancy, admin, plan.slug(), managerEmail, "Pat Manager", "PROGRAMME_MANAGER");
      user(tenancy, admin, plan.slug(), readerEmail, "Bo Member", "BOARD_MEMBER");
      String manager = DemoCouncils.login(tenancy, managerEmail, LoadTargets.PASSWORD);
      String reader = DemoCouncils.login(tenancy, readerEmail, LoadTargets.PASSWORD);
      ApiResponse imported =
          plansApi.send(
              plansApi
                  .request("/councils/" + plan.slug() + "/programmes/import", manager)
                  .timeout(Duration.ofMinutes(3))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(plan.planFile())));
      expect(imported, 201);
      String programme = imported.json().path("programmeId").asText();
      List<String> actionIds = new ArrayList<>();
      ApiResponse actions = plansApi.get("/councils/" + plan.slug() + "/actions?size=1000", reader);
      expect(actions, 200);
      actions.json().forEach(a -> actionIds.add(a.path("id").asText()));
      if (actionIds.size() != plan.actions().size()) {
        throw new IllegalStateException(
            plan.slug() + ": imported " + actionIds.size() + " of " + plan.actions().size());
      }
      councils.add(
          new LoadTargets.Council(
              plan.slug(),
              reader,
              manager,
              programme,
              actionIds,
              adoptMeasures(measures, plan.slug(), manager),
              portal.signIn(readerEmail, LoadTargets.PASSWORD)));
    }
    expect(
        tenancy.post(
            "/users",
            admin,
            ("{\"email\":\"observer@load.bench\",\"displayName\":\"DfE Observer\","
                    + "\"password\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"*\"]}")
                .formatted(LoadTargets.PASSWORD)),
        201);
    String observer = DemoCouncils.login(tenancy, "observer@load.bench", LoadTargets.PASSWORD);
    Map<String, String> urls = new LinkedHashMap<>();
    services.forEach((name, process) -> urls.put(name, process.baseUrl()));
    return new LoadTargets(urls, observer, councils);
  }

  private static List<String> adoptMeasures(HubApi measures, String council, String manager) {
    ApiResponse library = measures.get("/measures/library", manager);
    expect(library, 200);
    List<String> ids = new ArrayList<>();
    for (JsonNode measure : library.json()) {
      if (ids.size() == 3) {
        break;
      }
      ApiResponse adopted =
          measures.post(
              "/councils/" + council + "/measures/adopt",
              manager,
              "{\"code\":\"%s\"}".formatted(measure.path("code").asText()));
      expect(adopted, 201);
      ids.add(adopted.json().path("id").asText());
    }
    return ids;
  }

  private static void user(
      HubApi tenancy, String admin, String council, String email, String name, String role) {
    expect(
        tenancy.post(
            "/councils/" + council + "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(email, name, LoadTargets.PASSWORD, role)),
        201);
  }

  private static void expect(ApiResponse response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("Expected " + status + ": " + response);
    }
  }

  /**
   * If the services were started with a flight recording ({@code HUB_SERVICE_JAVA_OPTS} holding
   * {@code -XX:StartFlightRecording}), dumps each one's to {@code <folder>/<service>.jfr} before
   * the services are killed (a killed JVM writes nothing).
   */
  public void dumpFlightRecordings(Path folder) {
    String options = System.getenv("HUB_SERVICE_JAVA_OPTS");
    if (options == null || !options.contains("StartFlightRecording")) {
      return;
    }
    services.forEach(
        (name, process) -> {
          try {
            Files.createDirectories(folder);
            new ProcessBuilder(
                    "jcmd",
                    String.valueOf(process.pid()),
                    "JFR.dump",
                    "filename=" + folder.resolve(name + ".jfr").toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    System.out.println("Flight recordings: " + folder);
  }

  @Override
  public synchronized void close() {
    // killed, not stopped: nothing in a bench's database needs saving
    services.values().parallelStream()
        .filter(ServiceProcess::isAlive)
        .forEach(ServiceProcess::kill);
  }
}
