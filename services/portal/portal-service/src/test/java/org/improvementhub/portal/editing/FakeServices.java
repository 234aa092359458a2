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

/**
 * Stands in for every service behind the portal in unit tests of its pages: answers by method and
 * path from a table the test fills, 404 for anything else (as the services answer for another
 * council), and records what the portal sent. Sign-in returns an unsigned token whose claims the
 * email chooses ({@code role@council.test}); the portal never checks signatures itself.
 */
final class FakeServices implements AutoCloseable {

  /** One request the portal made. */
  record Call(String method, String path, String body) {}

  private record Answer(int status, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

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
    calls.add(new Call(method, path + (query == null ? "" : "?" + query), body));
    Answer found = answers.get(method + " " + path + (query == null ? "" : "?" + query));
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
