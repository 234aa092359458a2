package org.improvementhub.web.headers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;

/** The filter's headers: strict API defaults, HSTS only when configured, a route's own kept. */
class SecurityHeadersTest {

  @Test
  void anApiResponseGetsTheStrictDefaultsAndNoHsts() {
    SecurityHeaders filter = new SecurityHeaders(SecurityHeaders.API_POLICY, "no-referrer", "");
    MutableHttpResponse<?> response = HttpResponse.ok();
    filter.secure(response);
    assertThat(response.getHeaders().get("Content-Security-Policy"))
        .isEqualTo(
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    assertThat(response.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeaders().get("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getHeaders().contains("Strict-Transport-Security")).isFalse();
  }

  @Test
  void hstsWhenConfiguredAndAHeaderTheRouteSetIsKept() {
    SecurityHeaders filter =
        new SecurityHeaders("default-src 'self'", "same-origin", "max-age=31536000");
    MutableHttpResponse<?> response = HttpResponse.ok().header("X-Frame-Options", "SAMEORIGIN");
    filter.secure(response);
    assertThat(response.getHeaders().get("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000");
    assertThat(response.getHeaders().get("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(response.getHeaders().get("Content-Security-Policy"))
        .isEqualTo("default-src 'self'");
  }
}
