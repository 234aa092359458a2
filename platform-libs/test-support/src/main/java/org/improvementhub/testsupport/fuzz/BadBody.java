package org.improvementhub.testsupport.fuzz;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;

/**
 * A request body sent to see the service refuse it well: what was done to a valid body ({@code
 * mutation}), the bytes and content type sent, and the field the fault is in when one is ({@code
 * field}, as the service names fields: {@code lead.email}, {@code leads[0].name}); null when the
 * whole body is at fault (truncated, not JSON, the wrong content type).
 */
public record BadBody(String mutation, String contentType, byte[] bytes, String field) {

  public static final String JSON = "application/json";

  static BadBody json(String mutation, String body, String field) {
    return new BadBody(mutation, JSON, body.getBytes(StandardCharsets.UTF_8), field);
  }

  /** Sends this body to {@code path} with {@code method} as the holder of {@code token}. */
  public ApiResponse sendTo(HubApi api, String method, String path, String token) {
    return api.send(
        api.request(path, token)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
            .header("Content-Type", contentType));
  }

  /** The body as text, cut short for a failure message. */
  public String preview() {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "…(" + bytes.length + " bytes)" : text;
  }

  @Override
  public String toString() {
    return mutation + " [" + contentType + "] " + preview();
  }
}
