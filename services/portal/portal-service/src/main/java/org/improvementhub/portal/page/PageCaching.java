package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every page gets: no framing, no sniffing, scripts and styles only from the portal itself,
 * and pages holding council data never cached.
 */
@ServerFilter("/**")
public class SecurityHeaders {

  private static final String POLICY =
      "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self';"
          + " font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @ResponseFilter
  public void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.header("X-Content-Type-Options", "nosniff");
    response.header("X-Frame-Options", "DENY");
    response.header("Referrer-Policy", "same-origin");
    response.header("Content-Security-Policy", POLICY);
    String path = request.getPath();
    if (!path.startsWith("/assets/")
        && !path.startsWith("/govuk/")
        && !path.startsWith("/static/")) {
      response.header("Cache-Control", "no-store");
    }
  }
}
