package org.improvementhub.portal.editing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for every service behind the portal in unit tests of its pages: answers by method and
 * path from a table the test fills, 404 for anything else (as the services answer for another
 * council), and records what the portal sent. Sign-in returns an unsigned token whose claims the
 * email chooses ({@code role@council.test}); the portal never checks signatures itself.
 */
final class FakeServices implements AutoCloseable {

  /**
   * One request the portal made.
   *
   * @param caller the email its token names, empty without a token
   */
  record Call(String method, String path, String body, String caller) {

    boolean writes() {
      return !method.equals("GET");
    }
  }

  private record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean councilsGuarded;

  FakeServices() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeServices on(String method, String pathAndQuery, int status, String json) {
    answers.put(method + " " + pathAndQuery, new Answer(status, json, Map.of()));
    return this;
  }

  FakeServices on(
      String method, String pathAndQuery, int status, String json, Map<String, String> headers) {
    answers.put(method + " " + pathAndQuery, new Answer(status, json, headers));
    return this;
  }

  /**
   * Answers as the services do for the council a path names: 404 to another council's people and to
   * observers out of scope, 403 to observers' writes, before the table is looked at.
   */
  FakeServices guardCouncils() {
    councilsGuarded = true;
    return this;
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String method, String pathStart) {
    return calls.stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith(pathStart))
        .toList();
  }

  void forgetCalls() {
    calls.clear();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
    calls.add(
        new Call(method, path + (query == null ? "" : "?" + query), body, claim(claims, "sub")));
    Answer found = councilsGuarded ? guarded(method, path, claims) : null;
    if (found == null) {
      found = answers.get(method + " " + path + (query == null ? "" : "?" + query));
    }
    if (found == null) {
      found = answers.get(method + " " + path);
    }
    if (found == null && method.equals("POST") && path.equals("/auth/login")) {
      found = new Answer(200, token(body), Map.of());
    }
    if (found == null) {
      found = new Answer(404, "{\"title\":\"Not Found\",\"status\":404}", Map.of());
    }
    byte[] bytes = found.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    found.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(found.status(), bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static final Pattern COUNCIL_PATH = Pattern.compile("^(?:/oversight)?/councils/([^/]+)");

  private static Answer guarded(String method, String path, String claims) {
    Matcher council = COUNCIL_PATH.matcher(path);
    if (!council.find() || claims.isEmpty()) {
      return null;
    }
    String slug = council.group(1);
    boolean observer = claims.contains("\"DFE_OBSERVER\"");
    boolean ownCouncil = slug.equals(claim(claims, "council"));
    boolean inScope = observer && claims.matches(".*\"observerScope\":\\[[^]]*\"" + slug + "\".*");
    if (!ownCouncil && !inScope) {
      return new Answer(404, "{\"title\":\"Not Found\",\"status\":404}", Map.of());
    }
    if (observer && !method.equals("GET")) {
      return new Answer(403, "{\"title\":\"Forbidden\",\"status\":403}", Map.of());
    }
    return null;
  }

  /** The claims of an {@code Authorization: Bearer} token, as JSON text; empty without one. */
  private static String claims(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "";
    }
    String[] parts = authorization.substring("Bearer ".length()).split("\\.");
    return parts.length < 2
        ? ""
        : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
  }

  private static String claim(String claims, String name) {
    Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(claims);
    return value.find() ? value.group(1) : "";
  }

  /** {@code programme-manager@walsall.test} signs in as a Walsall programme manager. */
  private static String token(String loginBody) {
    String email = loginBody.replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
    String role = email.substring(0, email.indexOf('@')).toUpperCase().replace('-', '_');
    String domain = email.substring(email.indexOf('@') + 1);
    String council = domain.substring(0, domain.indexOf('.'));
    String claims =
        role.equals("DFE_OBSERVER")
            ? "{\"sub\":\"%s\",\"roles\":[\"DFE_OBSERVER\"],\"observerScope\":[\"walsall\"]}"
                .formatted(email)
            : "{\"sub\":\"%s\",\"roles\":[\"%s\"],\"council\":\"%s\"}"
                .formatted(email, role, council);
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String jwt =
        base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + ".unsigned";
    return "{\"access_token\":\"" + jwt + "\"}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
