package org.improvementhub.portal.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A template that fails while rendering gives the problem page straight away. Before pages were
 * rendered whole, the response had already begun and the browser waited until its own timeout; the
 * request timeout here is only a guard against that hang, not a speed check.
 */
@MicronautTest
@Property(name = "portal.test.broken-page", value = "true")
class TemplateFailureTest {

  @Inject EmbeddedServer server;

  @Test
  void aTemplateErrorGivesTheProblemPageNotAHangingResponse() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(server.getURI().resolve("/broken-page"))
            .timeout(Duration.ofSeconds(20))
            .build();

    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body())
        .contains("Sorry, there is a problem with the service")
        .doesNotContain("Exception", "nothing.here");
  }
}
