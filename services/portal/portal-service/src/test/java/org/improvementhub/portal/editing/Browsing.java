package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A signed-in person's requests to the portal in tests: their cookie and form token. */
final class Browsing {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI portal;
  private String cookie;
  private String csrf;

  private Browsing(URI portal) {
    this.portal = portal;
  }

  /** A browser that has not signed in (and has no cookie yet). */
  static Browsing anonymous(URI portal) {
    return new Browsing(portal);
  }

  /** A browser on the sign-in page: a session cookie and form token, nobody signed in. */
  static Browsing onTheSignInPage(URI portal) {
    Browsing browsing = new Browsing(portal);
    HttpResponse<String> signIn = browsing.get("/sign-in");
    browsing.cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    browsing.csrf = token(signIn.body());
    return browsing;
  }

  /** The session's cookie ({@code name=value}), for requests this class cannot send. */
  String cookie() {
    return cookie;
  }

  /** The session's form token. */
  String csrf() {
    return csrf;
  }

  static Browsing signedIn(URI portal, String email) {
    Browsing browsing = new Browsing(portal);
    HttpResponse<String> signIn = browsing.get("/sign-in");
    browsing.cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    browsing.csrf = token(signIn.body());
    HttpResponse<String> answer =
        browsing.post("/sign-in", Map.of("email", email, "password", "anything"));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    browsing.cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    browsing.csrf = token(browsing.get("/no-such-page-only-for-its-token").body());
    return browsing;
  }

  HttpResponse<String> get(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(portal.resolve(path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  /** {@code GET path} with one more header, e.g. an odd {@code Accept}. */
  HttpResponse<String> get(String path, String header, String value) {
    HttpRequest.Builder request = HttpRequest.newBuilder(portal.resolve(path));
    if (!value.isEmpty()) {
      request.header(header, value);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  /**
   * {@code POST path} with {@code body} as it is and a {@code Content-Type} of the test's choice.
   */
  HttpResponse<String> postRaw(String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  /** Posts {@code fields} with the session's form token. */
  HttpResponse<String> post(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf);
    String form =
        all.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  /** Posts a multipart form holding only the session's form token (no file chosen). */
  HttpResponse<String> postNoFile(String path) {
    String boundary = "browsing-boundary";
    String form =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + csrf
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  /**
   * Posts a multipart form as a browser does: {@code fields} and the session's form token, then one
   * file part {@code file}.
   */
  HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileName, byte[] content) {
    String boundary = "----portal-test-" + System.nanoTime();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("csrf", csrf);
    StringBuilder head = new StringBuilder();
    all.forEach(
        (name, value) ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(portal.resolve(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head.toString()),
                    HttpRequest.BodyPublishers.ofByteArray(content),
                    HttpRequest.BodyPublishers.ofByteArray(tail)));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String token(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as(page).isTrue();
    return matcher.group(1);
  }
}
