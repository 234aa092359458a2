package org.improvementhub.portal.page;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Pages holding council data are never cached; the GOV.UK and portal assets may be. The security
 * headers (CSP, HSTS, nosniff, framing, referrer) come from the shared {@code security-headers}
 * library, configured in {@code application.yml} under {@code hub.security-headers}.
 */
@ServerFilter("/**")
public class PageCaching {

  @ResponseFilter
  public void noStore(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    if (!path.startsWith("/assets/")
        && !path.startsWith("/govuk/")
        && !path.startsWith("/static/")) {
      response.header("Cache-Control", "no-store");
    }
  }
}
