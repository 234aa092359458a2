package org.improvementhub.observability.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.improvementhub.tenancy.context.CouncilSlug;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class PrometheusEndpointTest {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject CouncilMetrics metrics;

  @Test
  void councilCountersAppearPerCouncilWithTheServiceTag() {
    metrics.count("hub.observability_test.reminders.sent", CouncilSlug.of("walsall"));
    metrics.count("hub.observability_test.reminders.sent", CouncilSlug.of("walsall"));
    metrics.count("hub.observability_test.reminders.sent", CouncilSlug.of("durham"));

    String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

    assertThat(scrape)
        .containsPattern(
            "hub_observability_test_reminders_sent_total\\{(?=[^}]*council=\"walsall\")"
                + "(?=[^}]*service=\"observability_test\")[^}]*} 2\\.0")
        .containsPattern(
            "hub_observability_test_reminders_sent_total\\{[^}]*council=\"durham\"[^}]*} 1\\.0");
  }

  @Test
  void jvmAndHttpServerMetricsAreExported() {
    client.toBlocking().retrieve(HttpRequest.GET("/health/liveness"));

    String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus"));

    assertThat(scrape).contains("jvm_memory_used_bytes").contains("http_server_requests_seconds");
  }

  @Test
  void livenessAndReadinessAnswerWithoutAToken() {
    assertThat(client.toBlocking().exchange(HttpRequest.GET("/health/liveness")).code())
        .isEqualTo(200);
    assertThat(client.toBlocking().exchange(HttpRequest.GET("/health/readiness")).code())
        .isEqualTo(200);
  }

  @Test
  void namesOutsideTheConventionAreRefused() {
    assertThatThrownBy(() -> metrics.count("emailsSent", CouncilSlug.of("walsall")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hub.<service>.<thing>");
  }
}
