package org.improvementhub.portal.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The portal answers the cluster's probes and scrapes, and shows nothing else of its inside. */
@MicronautTest
class PortalOperationsTest {

  @Inject EmbeddedServer server;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthAndReadinessAnswerWithoutASession() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusServesThePortalsMetersTaggedWithItsName() throws Exception {
    HttpResponse<String> metrics = get("/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("service=\"portal\"");
  }

  @Test
  void otherManagementEndpointsAreNotThere() throws Exception {
    for (String inside : new String[] {"/beans", "/routes", "/threaddump", "/env", "/loggers"}) {
      assertThat(get(inside).statusCode()).as(inside).isNotEqualTo(200).isLessThan(500);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.getURL() + path))
            .header("Accept", "text/plain")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
