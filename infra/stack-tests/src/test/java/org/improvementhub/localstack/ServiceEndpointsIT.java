package org.improvementhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;

/**
 * What Kubernetes and Prometheus ask of every service in the local stack, without a token: its
 * liveness and readiness probes (the chart's), and its metrics, tagged with the service's name; and
 * the security headers on every kind of response of every service and of the portal.
 */
class ServiceEndpointsIT {

  private final RunningStack stack = RunningStack.shared();

  @Test
  void everyServiceAnswersLivenessAndReadinessWithoutAToken() {
    for (HubService service : HubService.all()) {
      HubApi api = stack.api(service.name());

      ApiResponse liveness = api.get("/health/liveness", null);
      ApiResponse readiness = api.get("/health/readiness", null);

      assertThat(liveness.status()).as(service.name() + " liveness").isEqualTo(200);
      assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
      assertThat(readiness.status()).as(service.name() + " readiness").isEqualTo(200);
      assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void everyServiceExportsPrometheusMetricsTaggedWithItsName() {
    for (HubService service : HubService.all()) {
      HubApi api = stack.api(service.name());
      api.get("/health/liveness", null);

      ApiResponse scrape =
          api.send(
              api.request("/prometheus", null)
                  .setHeader("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1")
                  .GET());

      assertThat(scrape.status()).as(service.name() + " /prometheus").isEqualTo(200);
      assertThat(scrape.contentType()).startsWith("text/plain");
      assertThat(scrape.body())
          .as(service.name())
          .contains("service=\"" + service.name() + "\"")
          .contains("jvm_memory_used_bytes")
          .contains("http_server_requests_seconds_count")
          .contains("hikaricp_connections_active")
          .contains("kafka_consumer_");
    }
  }

  @Test
  void thePortalAnswersItsProbesAndExportsItsMetricsToo() {
    HubApi portal = stack.api(HubService.PORTAL.name());

    assertThat(portal.get("/health/liveness", null).status()).isEqualTo(200);
    assertThat(portal.get("/health/readiness", null).status()).isEqualTo(200);
    portal.get("/sign-in", null);
    ApiResponse scrape =
        portal.send(portal.request("/prometheus", null).setHeader("Accept", "text/plain").GET());
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("service=\"portal\"")
        .contains("jvm_memory_used_bytes")
        .contains("http_server_requests_seconds_count");
  }

  @Test
  void everyResponseOfEveryServiceCarriesTheSecurityHeaders() throws Exception {
    // a probe, a refusal without a token, an unknown route: success, 401 and 404 alike
    for (HubService service : HubService.all()) {
      for (String path : List.of("/health/liveness", "/councils/walsall/anything", "/no-such")) {
        HttpHeaders headers = headersOf(service.name(), path);
        String where = service.name() + " " + path;
        assertThat(headers.firstValue("Content-Security-Policy"))
            .as(where)
            .hasValue(
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).as(where).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(where).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(where).hasValue("no-referrer");
      }
    }
    for (String path : List.of("/sign-in", "/govuk/govuk-frontend.min.css", "/no-such")) {
      HttpHeaders headers = headersOf(HubService.PORTAL.name(), path);
      assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
          .as("portal " + path)
          .startsWith("default-src 'self';")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("Strict-Transport-Security"))
          .as("portal " + path)
          .hasValue("max-age=31536000; includeSubDomains");
      assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
    }
  }

  private HttpHeaders headersOf(String service, String path)
      throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HTTP.send(
            stack.api(service).request(path, null).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    return response.headers();
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theMetricsDoNotNeedTheApisTokenButTheApiStillDoes() {
    ApiResponse api = stack.api("plans").get("/councils/walsall/actions", null);

    assertThat(api.status()).isEqualTo(401);
  }
}
