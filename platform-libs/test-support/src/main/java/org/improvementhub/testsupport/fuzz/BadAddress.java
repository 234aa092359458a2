package org.improvementhub.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.improvementhub.testsupport.http.ApiResponse;

/**
 * A request to a route with one part of its address wrong: a path variable or a query parameter
 * given a hostile value, an unknown parameter added, or the query string garbled. {@code target} is
 * sent as written, byte for byte ({@code %zz}, {@code %00}, {@code %ED%A0%80} included), which
 * {@link java.net.http.HttpClient} would refuse to send; so it goes over a plain socket.
 *
 * @param route the route as {@code METHOD template}
 * @param mutation what was done, for the failure message
 * @param field the path variable or query parameter at fault, or null for the query as a whole
 * @param accept what the route produces, asked for (else the router answers 406 first)
 */
public record BadAddress(
    String route,
    String method,
    String target,
    String mutation,
    String field,
    String contentType,
    byte[] body,
    String accept) {

  /**
   * Sends the request to the service at {@code base} as the holder of {@code token}, asking for
   * what the route produces.
   */
  public ApiResponse sendTo(URI base, String token) {
    return sendTo(base, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  /** Sends the request with {@code headers} besides (a session cookie, a form token). */
  public ApiResponse sendTo(URI base, Map<String, String> headers) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    String host = base.getHost() + ":" + base.getPort();
    StringBuilder lines = new StringBuilder();
    lines.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    lines.append("Host: ").append(host).append("\r\n");
    lines.append("Accept: ").append(accept).append("\r\n");
    lines.append("Connection: close\r\n");
    headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
    if (body != null) {
      lines.append("Content-Type: ").append(contentType).append("\r\n");
      lines.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (!method.equals("GET") && !method.equals("DELETE")) {
      lines.append("Content-Length: 0\r\n");
    }
    lines.append("\r\n");
    head.writeBytes(lines.toString().getBytes(StandardCharsets.UTF_8));
    if (body != null) {
      head.writeBytes(body);
    }
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toByteArray());
      out.flush();
      return parse(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("No answer to " + this + ": " + e.getMessage(), e);
    }
  }

  private static ApiResponse parse(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    String text = new String(all, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("not an HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
      body = unchunked(body);
    }
    return new ApiResponse(
        status,
        first(headers, "content-type"),
        first(headers, "location"),
        new String(body, StandardCharsets.UTF_8),
        Map.copyOf(headers));
  }

  private static byte[] unchunked(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = at;
      while (lineEnd + 1 < chunked.length
          && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim();
      int length = Integer.parseInt(size.split(";")[0], 16);
      if (length == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + length + 2;
    }
    return body.toByteArray();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? "" : values.get(0);
  }

  /** This address sent {@code bad} as its body instead, the body's field at fault. */
  public BadAddress withBody(BadBody bad) {
    return new BadAddress(
        route,
        method,
        target,
        mutation + ", body " + bad.mutation(),
        bad.field(),
        bad.contentType(),
        bad.bytes(),
        accept);
  }

  /** This request with every {@code mark} in its body replaced by {@code value} (a form token). */
  public BadAddress withBodyMark(String mark, String value) {
    if (body == null) {
      return this;
    }
    // ISO-8859-1 maps every byte to one char and back, so the rest of the bytes stay as they were
    String text = new String(body, StandardCharsets.ISO_8859_1);
    return new BadAddress(
        route,
        method,
        target,
        mutation,
        field,
        contentType,
        text.replace(mark, value).getBytes(StandardCharsets.ISO_8859_1),
        accept);
  }

  @Override
  public String toString() {
    String shown = target.length() > 300 ? target.substring(0, 300) + "…" : target;
    return route + " " + mutation + ": " + method + " " + shown;
  }
}
