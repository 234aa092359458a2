package org.improvementhub.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.improvementhub.localstack.DemoCouncils;
import org.improvementhub.localstack.HubService;
import org.improvementhub.localstack.Portal;
import org.improvementhub.localstack.ServiceProcess;
import org.improvementhub.localstack.StackConfiguration;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.infra.FreePorts;
import org.improvementhub.testsupport.infra.TestInfrastructure;

/**
 * Every service (tenancy, plans, measures, notifications, oversight), each its own process on the
 * shared test PostgreSQL and Kafka, and the portal in front of them: one stack for the whole test
 * JVM ({@link #shared()}), since starting six JVMs costs far more than any journey. Each test class
 * provisions councils of its own with unique slugs, so classes never see each other's data.
 */
final class JourneyStack implements AutoCloseable {

  static final String PASSWORD = "Journey-User-Password-1";
  private static final String ADMIN = "admin@journeys.test";
  private static final String ADMIN_PASSWORD = "Journeys-Admin-Password-1";

  private static final List<HubService> SERVICES =
      List.of(
          HubService.TENANCY,
          HubService.PLANS,
          HubService.MEASURES,
          HubService.NOTIFICATIONS,
          HubService.OVERSIGHT);

  private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
  private final Map<HubService, Map<String, String>> properties;
  private final Path root;
  private final Path logs;
  private final ServiceProcess portal;
  private final HubApi tenancy;
  private final HubApi plans;
  private final HubApi measures;
  private final String admin;
  private final Path ssoSecrets;
  private final Set<Integer> laCodes = new HashSet<>();

  private JourneyStack(
      List<ServiceProcess> services,
      ServiceProcess portal,
      Map<HubService, Map<String, String>> properties,
      Path root,
      Path logs,
      Path ssoSecrets) {
    this.processes.addAll(services);
    this.processes.add(portal);
    this.properties = properties;
    this.root = root;
    this.logs = logs;
    this.ssoSecrets = ssoSecrets;
    this.portal = portal;
    this.tenancy = new HubApi(baseUrlOf(services, HubService.TENANCY));
    this.plans = new HubApi(baseUrlOf(services, HubService.PLANS));
    this.measures = new HubApi(baseUrlOf(services, HubService.MEASURES));
    this.admin = DemoCouncils.login(tenancy, ADMIN, ADMIN_PASSWORD);
  }

  /**
   * The stack every journey class of this JVM shares: started by the first class that asks, stopped
   * when the JVM exits. Classes must not stop it; one that stops a service restarts it ({@link
   * #restart}).
   */
  static JourneyStack shared() {
    return Shared.STACK;
  }

  /** Started on first use by the class loader, which also makes the start happen once. */
  private static final class Shared {
    static final JourneyStack STACK = startShared();

    private static JourneyStack startShared() {
      JourneyStack stack = start();
      // killed, not stopped: the test fork has 30 s to exit, the test infrastructure stops at the
      // same time (so a clean stop would wait on a vanishing broker), and nothing needs saving
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> stack.processes.parallelStream().forEach(ServiceProcess::kill),
                  "journey-stack-stop"));
      return stack;
    }
  }

  private static JourneyStack start() {
    TestInfrastructure infra = TestInfrastructure.shared();
    Path root = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    Path logs = Path.of(System.getProperty("user.dir"), "target", "journey-logs");
    try {
      int tenancyPort = FreePorts.next();
      StackConfiguration configuration =
          new StackConfiguration(
              infra.freshDatabase(),
              infra.kafkaBootstrapServers(),
              infra.mail(),
              tenancyPort,
              Files.createTempDirectory("journeys-keys").resolve("signing-key.pem"),
              ADMIN,
              ADMIN_PASSWORD,
              "0 0 0 1 1 ?");
      List<ServiceProcess> services = new ArrayList<>();
      Map<HubService, Map<String, String>> properties = new HashMap<>();
      // councils' single sign-on: providers in the test JVM (127.0.0.1/localhost), the portal's
      // callback on its own port, client secrets as files (singleSignOn)
      int portalPort = FreePorts.next();
      String ssoCallback = "http://127.0.0.1:" + portalPort + "/sign-in/sso-callback";
      Path ssoSecrets = Files.createTempDirectory("journeys-sso-secrets");
      for (HubService service : SERVICES) {
        Map<String, String> own = configuration.propertiesFor(service);
        if (service.equals(HubService.TENANCY)) {
          own.put("hub.sso.secrets-dir", ssoSecrets.toString());
          own.put("hub.sso.allow-local-http-issuers", "true");
          own.put("hub.sso.allowed-issuer-hosts", "localhost,127.0.0.1");
          own.put("hub.sso.allow-inside-addresses", "true");
          own.put("hub.sso.redirect-uris", ssoCallback);
        }
        properties.put(service, own);
        int port = service.equals(HubService.TENANCY) ? tenancyPort : FreePorts.next();
        services.add(ServiceProcess.start(service, port, root, own, logs));
      }
      ServiceProcess portal =
          Portal.start(
              portalPort, root, services, logs, Map.of("hub.portal.sso.callback-url", ssoCallback));
      List<ServiceProcess> all = new ArrayList<>(services);
      all.add(portal);
      try {
        // a machine shared by many builds may need longer: -Djourneys.start-timeout-seconds
        Duration startTimeout =
            Duration.ofSeconds(Long.getLong("journeys.start-timeout-seconds", 180));
        all.forEach(process -> process.awaitHealthy(startTimeout));
      } catch (RuntimeException failed) {
        all.parallelStream().forEach(ServiceProcess::stop);
        throw failed;
      }
      return new JourneyStack(services, portal, properties, root, logs, ssoSecrets);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String portalUrl() {
    return portal.baseUrl();
  }

  /**
   * Provisions a council through tenancy's API and waits until it is ACTIVE. An LA code is unique
   * across the platform and the stack is shared, so a code another class has taken is replaced by a
   * free one (pages never show it).
   */
  void council(String slug, String name, int laCode) {
    int code = laCode;
    synchronized (laCodes) {
      while (!laCodes.add(code)) {
        code = code >= 999 ? 100 : code + 1;
      }
    }
    ApiResponse created =
        tenancy.post(
            "/councils",
            admin,
            "{\"slug\":\"%s\",\"name\":\"%s\",\"laCode\":%d}".formatted(slug, name, code));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    tenancy.awaitGet(
        "/councils/" + slug,
        admin,
        r -> r.status() == 200 && "ACTIVE".equals(r.json().path("status").asText()),
        Duration.ofSeconds(120));
  }

  /**
   * Points a council's single sign-on at {@code issuer} as its admin would, with a client secret
   * the stack keeps for it; {@code roleMapping} is the settings' JSON object.
   */
  void singleSignOn(String slug, String issuer, String clientId, String roleMapping) {
    String secretRef = slug.toUpperCase().replace('-', '_') + "_SSO_SECRET";
    try {
      Files.writeString(ssoSecrets.resolve(secretRef), "secret-of-" + slug);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ApiResponse set =
        tenancy.put(
            "/councils/" + slug + "/sso",
            admin,
            ("{\"issuer\":\"%s\",\"clientId\":\"%s\",\"clientSecretRef\":\"%s\","
                    + "\"scopes\":[\"openid\",\"email\"],\"rolesClaim\":\"groups\","
                    + "\"roleMapping\":%s,\"enabled\":true}")
                .formatted(issuer, clientId, secretRef, roleMapping));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  /** Adds a council user with one role; returns the email they sign in with. */
  String councilUser(String slug, String role) {
    String email = role.toLowerCase().replace('_', '-') + "@" + slug + ".test";
    ApiResponse user =
        tenancy.post(
            "/councils/" + slug + "/users",
            admin,
            "{\"email\":\"%s\",\"displayName\":\"%s\",\"password\":\"%s\",\"roles\":[\"%s\"]}"
                .formatted(email, role, PASSWORD, role));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return email;
  }

  /** Adds a DfE observer who may read {@code councils}. */
  String observer(String email, List<String> councils) {
    String scope = String.join("\",\"", councils);
    ApiResponse user =
        tenancy.post(
            "/users",
            admin,
            ("{\"email\":\"%s\",\"displayName\":\"DfE Observer\",\"password\":\"%s\","
                    + "\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"%s\"]}")
                .formatted(email, PASSWORD, scope));
    assertThat(user.status()).as(user.body()).isEqualTo(201);
    return email;
  }

  /** Adds an action as {@code manager}; returns its id. */
  String action(String slug, String manager, String ref, String title, LocalDate due, String rag) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    ApiResponse created =
        plans.post(
            "/councils/" + slug + "/actions",
            token,
            ("{\"ref\":\"%s\",\"title\":\"%s\",\"lead\":{\"name\":\"Lead %s\",\"email\":\"lead-%s@%s.test\"},"
                    + "\"dueDate\":\"%s\",\"ragStatus\":\"%s\"}")
                .formatted(ref, title, ref, ref.replace('.', '-'), slug, due, rag));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** Imports a plan file (the plans template's CSV) as {@code manager}; a new programme. */
  void importPlan(String slug, String manager, byte[] csv) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    ApiResponse imported =
        plans.send(
            plans
                .request("/councils/" + slug + "/programmes/import", token)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
    assertThat(imported.status()).as(imported.body()).isEqualTo(201);
  }

  /** The council's actions at {@code rag}, in the API's order, as id and title. */
  List<Map.Entry<String, String>> actionsAt(String slug, String manager, String rag) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    ApiResponse found = plans.get("/councils/" + slug + "/actions?rag=" + rag, token);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    List<Map.Entry<String, String>> actions = new ArrayList<>();
    found
        .json()
        .forEach(a -> actions.add(Map.entry(a.get("id").asText(), a.get("title").asText())));
    return actions;
  }

  /** Stops one service, as an outage would; the others and the portal keep running. */
  void stop(HubService service) {
    processes.stream().filter(p -> p.service().equals(service)).forEach(ServiceProcess::stop);
  }

  /**
   * Starts a stopped service again at its old address, so the portal finds it, and waits until it
   * is healthy: the stack is shared, and the next class expects every service up.
   */
  void restart(HubService service) {
    ServiceProcess old =
        processes.stream()
            .filter(p -> p.service().equals(service))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No " + service.name()));
    old.stop();
    int port = Integer.parseInt(old.baseUrl().substring(old.baseUrl().lastIndexOf(':') + 1));
    ServiceProcess again =
        ServiceProcess.start(service, port, root, properties.get(service), logs)
            .awaitHealthy(Duration.ofSeconds(180));
    processes.remove(old);
    processes.add(again);
  }

  /** Loads a council's measures and their values (the measures API's CSV imports). */
  void importMeasures(String slug, String manager, String measuresCsv, String valuesCsv) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    String list = "/councils/" + slug + "/measures";
    measures.awaitGet(list, token, r -> r.status() == 200, Duration.ofSeconds(90));
    for (String[] file :
        List.of(
            new String[] {"/import", measuresCsv}, new String[] {"/values/import", valuesCsv})) {
      ApiResponse imported =
          measures.send(
              measures
                  .request(list + file[0], token)
                  .timeout(Duration.ofMinutes(2))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(file[1])));
      assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }
  }

  /** What the plans API's dry run says of {@code csv}: its status and answer. */
  ApiResponse dryRun(String slug, String manager, byte[] csv) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    return plans.send(
        plans
            .request("/councils/" + slug + "/programmes/import?dryRun=true", token)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
  }

  /** Links a measure to an action, as a programme manager would through the measures API. */
  void linkMeasure(String slug, String manager, String measureId, String actionId) {
    String token = DemoCouncils.login(tenancy, manager, PASSWORD);
    String path = "/councils/" + slug + "/measures/" + measureId + "/links/action/" + actionId;
    ApiResponse linked =
        measures.awaitGet(
            "/councils/" + slug + "/measure-links?action=" + actionId,
            token,
            r -> r.status() == 200 && !r.json().path("record").isNull(),
            Duration.ofSeconds(60));
    assertThat(linked.status()).isEqualTo(200);
    ApiResponse put = measures.put(path, token, "{}");
    assertThat(put.status()).as(put.body()).isBetween(200, 201);
  }

  /** Sets a year's England and statistical neighbours averages for a measure. */
  void comparators(
      String slug, String manager, String measureId, int year, String england, String neighbours) {
    ApiResponse put =
        measures.put(
            "/councils/" + slug + "/measures/" + measureId + "/comparators/" + year,
            DemoCouncils.login(tenancy, manager, PASSWORD),
            "{\"england\":%s,\"statisticalNeighbours\":%s,\"source\":\"DfE CIN census\"}"
                .formatted(england, neighbours));
    assertThat(put.status()).as(put.body()).isBetween(200, 201);
  }

  /** The council's measures as the measures API lists them. */
  ApiResponse measures(String slug, String manager) {
    return measures.get(
        "/councils/" + slug + "/measures", DemoCouncils.login(tenancy, manager, PASSWORD));
  }

  /** The council's programmes as the plans API lists them. */
  ApiResponse programmes(String slug, String manager) {
    return plans.get(
        "/councils/" + slug + "/programmes", DemoCouncils.login(tenancy, manager, PASSWORD));
  }

  /** The council's actions as the plans API lists them. */
  ApiResponse actions(String slug, String manager) {
    return plans.get(
        "/councils/" + slug + "/actions", DemoCouncils.login(tenancy, manager, PASSWORD));
  }

  @Override
  public void close() {
    processes.parallelStream().forEach(ServiceProcess::stop);
  }

  private static String baseUrlOf(List<ServiceProcess> services, HubService service) {
    return services.stream()
        .filter(p -> p.service().equals(service))
        .findFirst()
        .orElseThrow()
        .baseUrl();
  }
}
