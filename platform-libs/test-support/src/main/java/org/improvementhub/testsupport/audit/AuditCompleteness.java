package org.improvementhub.testsupport.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpMethod;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.improvementhub.testsupport.matrix.AuthorisationMatrix;
import org.improvementhub.testsupport.matrix.Route;

/**
 * Performs every write route of a running service once and checks each left an audit entry with
 * who, when and what changed. Routes are named {@code "METHOD template body-type"}, e.g. {@code
 * "POST /councils/{council}/drivers application/json"}:
 *
 * <pre>{@code
 * AuditCompleteness.of(server.getApplicationContext(), "Plans")
 *     .example("POST /councils/{council}/drivers application/json",
 *         () -> AuditedWrite.json(HttpMethod.POST, base + "/drivers", driverJson))
 *     ...
 *     .run(api, token, actor, AuditTrailPage.at(api, base + "/audit", token));
 * }</pre>
 *
 * Examples run in the order given (later ones may use what earlier ones made); each is built just
 * before it is sent, and only what its own request leaves counts.
 */
public final class AuditCompleteness {

  private final String service;
  private final List<Route> writes;
  private final Map<String, Example> examples = new LinkedHashMap<>();
  private final Map<String, String> exempt = new LinkedHashMap<>();

  private AuditCompleteness(String service, List<Route> writes) {
    this.service = service;
    this.writes = writes;
  }

  /** The write routes (every method but GET, HEAD, OPTIONS) of the service in {@code context}. */
  public static AuditCompleteness of(ApplicationContext context, String service) {
    return forRoutes(service, AuthorisationMatrix.of(context).routes());
  }

  /** The write routes among {@code routes}. */
  static AuditCompleteness forRoutes(String service, List<Route> routes) {
    return new AuditCompleteness(
        service, routes.stream().filter(route -> route.method() != HttpMethod.GET).toList());
  }

  /** The write that exercises {@code route}. */
  public AuditCompleteness example(String route, Supplier<AuditedWrite> write) {
    return example(route, write, answer -> {});
  }

  /** The write that exercises {@code route}, and what to keep from its answer for later ones. */
  public AuditCompleteness example(
      String route, Supplier<AuditedWrite> write, Consumer<ApiResponse> remember) {
    if (examples.put(route, new Example(write, remember)) != null || exempt.containsKey(route)) {
      throw new IllegalArgumentException("two examples for " + route);
    }
    return this;
  }

  /**
   * A route that takes a non-GET method but changes nothing a council or the platform owns (signing
   * in, say); printed with {@code why} so a reader can judge it.
   */
  public AuditCompleteness notAChange(String route, String why) {
    if (exempt.put(route, why) != null || examples.containsKey(route)) {
      throw new IllegalArgumentException("two entries for " + route);
    }
    return this;
  }

  /** The write routes, as named for {@link #example}. */
  public List<String> routes() {
    return writes.stream().map(AuditCompleteness::key).toList();
  }

  /**
   * Performs every example with {@code token} (unless it names its own), then reads {@code trail}.
   *
   * @throws AssertionError naming each write route that has no example ("no example for …"), each
   *     example or exemption naming no route, and each example not answered with a success
   */
  public AuditCompletenessResult run(HubApi api, String token, String actor, AuditTrailPage trail) {
    List<String> routes = routes();
    List<String> problems = new ArrayList<>();
    for (String route : routes) {
      if (!examples.containsKey(route) && !exempt.containsKey(route)) {
        problems.add("no example for " + route + " (add one, so its audit entry is checked)");
      }
    }
    for (String named : concat(examples.keySet(), exempt.keySet())) {
      if (!routes.contains(named)) {
        problems.add("an example for " + named + ", which " + service + " does not serve");
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          service + " audit completeness: " + String.join("; ", problems) + ". Routes: " + routes);
    }
    List<AuditCompletenessResult.Row> rows = new ArrayList<>();
    for (Map.Entry<String, Example> entry : examples.entrySet()) {
      String route = entry.getKey();
      // the example may write to set itself up: only what its own request leaves counts
      AuditedWrite write = entry.getValue().write().get();
      AuditTrailPage itsTrail = write.trail() == null ? trail : write.trail();
      long before = itsTrail.newest().path("total").asLong();
      ApiResponse answer = send(api, write, token);
      if (answer.status() < 200 || answer.status() > 299) {
        throw new AssertionError(
            route + ": the example was answered " + answer.status() + " " + answer.body());
      }
      entry.getValue().remember().accept(answer);
      JsonNode page = itsTrail.newest();
      long after = page.path("total").asLong();
      JsonNode newest = page.path("items").path(0);
      String expectedActor = write.actor() == null ? actor : write.actor();
      boolean audited =
          after > before
              && expectedActor.equals(newest.path("actor").asText())
              && !newest.path("occurredAt").asText().isBlank()
              && !newest.path("recordType").asText().isBlank()
              && !newest.path("recordId").asText().isBlank()
              && (hasValue(newest.get("before")) || hasValue(newest.get("after")));
      rows.add(
          new AuditCompletenessResult.Row(
              route,
              answer.status(),
              audited,
              after - before,
              newest.path("actor").asText(),
              newest.path("recordType").asText(),
              newest.path("change").asText()));
    }
    return new AuditCompletenessResult(service, rows, exempt);
  }

  private static ApiResponse send(HubApi api, AuditedWrite write, String token) {
    HttpRequest.Builder request =
        api.request(write.path(), write.token() == null ? token : write.token());
    if (write.body().length > 0 || write.method() != HttpMethod.DELETE) {
      request.header("Content-Type", write.contentType());
    }
    return api.send(
        request.method(
            write.method().name(), HttpRequest.BodyPublishers.ofByteArray(write.body())));
  }

  private static String key(Route route) {
    return route.method() + " " + route.template() + " " + route.body();
  }

  private static boolean hasValue(JsonNode node) {
    return node != null && !node.isNull() && !node.isMissingNode();
  }

  private static List<String> concat(Collection<String> first, Collection<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private record Example(Supplier<AuditedWrite> write, Consumer<ApiResponse> remember) {}
}
