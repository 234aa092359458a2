package org.improvementhub.portal.services;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.improvementhub.portal.session.SignInNeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the services' APIs with the signed-in person's bearer token and gives back plain maps and
 * lists for the templates. The services' answers decide what the person sees: 404 becomes the
 * not-found page, 403 the refused page, 401 a new sign-in.
 */
@Singleton
public class HubServices {

  private static final Logger LOG = LoggerFactory.getLogger(HubServices.class);

  private static final Argument<Map<String, Object>> OBJECT =
      Argument.mapOf(String.class, Object.class);
  private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(OBJECT);

  private final HttpClient http;
  private final Duration readTimeout;
  private final JsonMapper json;
  private final Map<HubService, String> baseUrls = new EnumMap<>(HubService.class);

  public HubServices(
      JsonMapper json,
      @Value("${hub.portal.services.tenancy}") String tenancy,
      @Value("${hub.portal.services.plans}") String plans,
      @Value("${hub.portal.services.measures}") String measures,
      @Value("${hub.portal.services.notifications}") String notifications,
      @Value("${hub.portal.services.oversight}") String oversight,
      @Value("${hub.portal.services.connect-timeout:2s}") Duration connectTimeout,
      @Value("${hub.portal.services.read-timeout:10s}") Duration readTimeout) {
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
    baseUrls.put(HubService.TENANCY, tenancy);
    baseUrls.put(HubService.PLANS, plans);
    baseUrls.put(HubService.MEASURES, measures);
    baseUrls.put(HubService.NOTIFICATIONS, notifications);
    baseUrls.put(HubService.OVERSIGHT, oversight);
  }

  /** A JSON object from {@code GET path}. */
  public Map<String, Object> object(HubService service, String path, String token) {
    return read(send(service, get(service, path, token), path), OBJECT);
  }

  /** A JSON array of objects from {@code GET path}. */
  public List<Map<String, Object>> list(HubService service, String path, String token) {
    return read(send(service, get(service, path, token), path), LIST);
  }

  /**
   * One page of a list from {@code GET path}: its objects, and how many the whole list holds (the
   * service's {@code X-Total-Count}; the page's own size when the service does not say).
   */
  public ListPage page(HubService service, String path, String token) {
    HttpResponse<byte[]> response = exchange(service, get(service, path, token), path);
    List<Map<String, Object>> items = read(response.body(), LIST);
    long total =
        response
            .headers()
            .firstValue("X-Total-Count")
            .filter(t -> t.chars().allMatch(Character::isDigit) && !t.isEmpty() && t.length() < 19)
            .map(Long::parseLong)
            .orElse((long) items.size());
    return new ListPage(items, total);
  }

  /**
   * A JSON array of objects from {@code GET path}, asked now and answered later: a page that needs
   * several independent answers asks for them all at once and waits once, for the slowest, rather
   * than for each in turn ({@link #await} gives the answer, or throws what {@link #list} would).
   */
  public CompletableFuture<List<Map<String, Object>>> listLater(
      HubService service, String path, String token) {
    return http.sendAsync(get(service, path, token), HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null) {
                throw new ServiceUnavailable(service + " could not be reached", failure);
              }
              return read(checked(service, response, path).body(), LIST);
            });
  }

  /**
   * What a {@code ...Later} call answered, once it has: the answer, or the same exception the
   * blocking call would have thrown (the person's "not found", "sign in again" or "sorry" page).
   */
  public static <T> T await(CompletableFuture<T> later) {
    try {
      return later.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      throw e;
    }
  }

  /** A JSON array of strings from {@code GET path}. */
  public List<String> strings(HubService service, String path, String token) {
    return read(send(service, get(service, path, token), path), Argument.listOf(String.class));
  }

  /** {@code PATCH path} with a JSON body (only the fields to change); the changed object back. */
  public Map<String, Object> patch(HubService service, String path, String token, Object body) {
    try {
      HttpRequest request =
          builder(service, path, token)
              .header("Content-Type", "application/json")
              .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
      return read(send(service, request, path), OBJECT);
    } catch (IOException e) {
      throw new ServiceUnavailable("Could not write the request to " + service, e);
    }
  }

  /** {@code PUT path} with no body (linking two records); the linked record back. */
  public Map<String, Object> putEmpty(HubService service, String path, String token) {
    HttpRequest request =
        builder(service, path, token).PUT(HttpRequest.BodyPublishers.noBody()).build();
    return read(send(service, request, path), OBJECT);
  }

  /** {@code DELETE path} (unlinking two records); the record back. */
  public Map<String, Object> delete(HubService service, String path, String token) {
    HttpRequest request = builder(service, path, token).DELETE().build();
    return read(send(service, request, path), OBJECT);
  }

  /**
   * Tenancy's sign-in, naming the browser's address in {@code X-Forwarded-For}, so that tenancy
   * (which trusts the portal's address, {@code hub.sign-in.trusted-proxies}) counts failures
   * against the person's address rather than the portal's.
   */
  public Map<String, Object> signIn(String email, String password, String clientAddress) {
    try {
      HttpRequest request =
          builder(HubService.TENANCY, "/auth/login", null)
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", clientAddress)
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      json.writeValueAsBytes(Map.of("email", email, "password", password))))
              .build();
      return read(send(HubService.TENANCY, request, "/auth/login"), OBJECT);
    } catch (IOException e) {
      throw new ServiceUnavailable("Could not write the request to " + HubService.TENANCY, e);
    }
  }

  /**
   * Tenancy's {@code POST /auth/password} with the person's token: changes their own password. The
   * browser's address goes in {@code X-Forwarded-For}, as at sign-in, because a wrong current
   * password counts as a failed sign-in of that address.
   */
  public void changePassword(
      String token, String currentPassword, String newPassword, String clientAddress) {
    try {
      HttpRequest request =
          builder(HubService.TENANCY, "/auth/password", token)
              .header("Content-Type", "application/json")
              .header("X-Forwarded-For", clientAddress)
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      json.writeValueAsBytes(
                          Map.of("currentPassword", currentPassword, "newPassword", newPassword))))
              .build();
      // 204: nothing to read
      send(HubService.TENANCY, request, "/auth/password");
    } catch (IOException e) {
      throw new ServiceUnavailable("Could not write the request to " + HubService.TENANCY, e);
    }
  }

  /** {@code POST path} with a JSON body; the created object back. */
  public Map<String, Object> post(HubService service, String path, String token, Object body) {
    try {
      HttpRequest request =
          builder(service, path, token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
      return read(send(service, request, path), OBJECT);
    } catch (IOException e) {
      throw new ServiceUnavailable("Could not write the request to " + service, e);
    }
  }

  /** {@code PUT path} with a JSON body; the stored object back. */
  public Map<String, Object> put(HubService service, String path, String token, Object body) {
    try {
      HttpRequest request =
          builder(service, path, token)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
              .build();
      return read(send(service, request, path), OBJECT);
    } catch (IOException e) {
      throw new ServiceUnavailable("Could not write the request to " + service, e);
    }
  }

  /** {@code POST path} with a file as the body ({@code contentType}); the answer back. */
  public Map<String, Object> postFile(
      HubService service, String path, String token, String contentType, byte[] content) {
    HttpRequest request =
        builder(service, path, token)
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(content))
            .build();
    return read(send(service, request, path), OBJECT);
  }

  /**
   * A file from {@code GET path} (a plan export, a board report, a template), as the service gave
   * it; {@link ServiceFile#toBrowser()} passes it on. A refusal is thrown as for any other call, so
   * the person gets the not-found, refused or problem page instead of a broken file.
   */
  public ServiceFile download(HubService service, String path, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
            .timeout(Duration.ofMinutes(1))
            .header("Accept", "*/*")
            .headers(
                token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token})
            .GET()
            .build();
    HttpResponse<byte[]> response = exchange(service, request, path);
    return new ServiceFile(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
        response.headers().firstValue("Content-Disposition").orElse("attachment"),
        response.body());
  }

  private HttpRequest get(HubService service, String path, String token) {
    return builder(service, path, token).GET().build();
  }

  private HttpRequest.Builder builder(HubService service, String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
            .timeout(readTimeout)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private byte[] send(HubService service, HttpRequest request, String path) {
    return exchange(service, request, path).body();
  }

  private HttpResponse<byte[]> exchange(HubService service, HttpRequest request, String path) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new ServiceUnavailable(service + " could not be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailable(service + " call was interrupted", e);
    }
    return checked(service, response, path);
  }

  /** The response if it is a success; otherwise what the person's page becomes, thrown. */
  private HttpResponse<byte[]> checked(
      HubService service, HttpResponse<byte[]> response, String path) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response;
    }
    switch (status) {
      case 401 -> {
        LOG.info("{} answered 401 for {}: the person signs in again", service, path);
        throw new SignInNeeded();
      }
      case 403 -> throw new RefusedAtService(path);
      case 404 -> throw new NotFoundAtService(path);
      case 400, 409, 422 -> throw invalid(status, response.body());
      case 429 ->
          throw new TooManyAttempts(String.valueOf(problemOf(response.body()).get("detail")));
      case 503 -> {
        if (String.valueOf(problemOf(response.body()).get("type")).endsWith("/busy")) {
          throw new ServiceBusy(service + " was busy for " + path);
        }
        throw new ServiceUnavailable(service + " answered 503 for " + path, null);
      }
      default ->
          throw new ServiceUnavailable(service + " answered " + status + " for " + path, null);
    }
  }

  private Map<String, Object> problemOf(byte[] body) {
    try {
      return json.readValue(body, OBJECT);
    } catch (IOException unreadable) {
      return Map.of("detail", "Too many attempts: try again later");
    }
  }

  @SuppressWarnings("unchecked")
  private InvalidAtService invalid(int status, byte[] body) {
    Map<String, Object> problem = Map.of();
    try {
      problem = json.readValue(body, OBJECT);
    } catch (IOException unreadable) {
      // not problem+json: the detail stays general
    }
    List<FieldProblem> fields = new ArrayList<>();
    Object errors = problem.get("errors");
    if (errors instanceof List<?> list) {
      for (Object error : list) {
        if (error instanceof Map<?, ?> map) {
          fields.add(
              new FieldProblem(
                  String.valueOf(map.get("field")), String.valueOf(map.get("message"))));
        }
      }
    }
    Object detail = problem.getOrDefault("detail", "The service could not accept this");
    return new InvalidAtService(status, String.valueOf(detail), fields);
  }

  private <T> T read(byte[] body, Argument<T> type) {
    try {
      return json.readValue(body, type);
    } catch (IOException e) {
      throw new ServiceUnavailable("An answer could not be read", e);
    }
  }
}
