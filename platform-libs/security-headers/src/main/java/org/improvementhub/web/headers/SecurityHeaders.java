package org.improvementhub.web.headers;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the security headers to every response, errors and unknown routes included. A header a
 * controller set itself is left as it is. HSTS is sent only where configured (the portal, which
 * browsers reach over HTTPS): the APIs are called by programs, for which it means nothing.
 *
 * <p>It runs first of all filters, so its response part sees every answer: a filter that answers by
 * itself (the security filter's 401, the council access filter's 403 and 404) skips the response
 * part of every filter after it. The authorisation matrix found those answers bare.
 */
@ServerFilter("/**")
public class SecurityHeaders implements Ordered {

  /** For a JSON API: no content of any kind may load, nothing may frame it. */
  public static final String API_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final Map<String, String> headers;

  public SecurityHeaders(
      @Value("${hub.security-headers.content-security-policy:" + API_POLICY + "}") String policy,
      @Value("${hub.security-headers.referrer-policy:no-referrer}") String referrerPolicy,
      @Value("${hub.security-headers.strict-transport-security:}") String hsts) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Content-Security-Policy", policy);
    values.put("X-Content-Type-Options", "nosniff");
    values.put("X-Frame-Options", "DENY");
    values.put("Referrer-Policy", referrerPolicy);
    if (!hsts.isBlank()) {
      values.put("Strict-Transport-Security", hsts);
    }
    this.headers = Map.copyOf(values);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @ResponseFilter
  public void secure(MutableHttpResponse<?> response) {
    headers.forEach(
        (name, value) -> {
          if (!response.getHeaders().contains(name)) {
            response.header(name, value);
          }
        });
  }

  /** The headers this filter adds, for tests to compare a response with. */
  public Map<String, String> headers() {
    return headers;
  }
}
