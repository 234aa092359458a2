package org.improvementhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.improvementhub.testsupport.HubTestProperties;
import org.improvementhub.testsupport.http.ApiResponse;
import org.improvementhub.testsupport.http.HubApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The service serves its generated OpenAPI description, to anyone, without a token. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansOpenApiIT implements TestPropertyProvider {

  private final HubTestProperties properties =
      HubTestProperties.freshDatabase().with("hub.plans.overdue-scan.after-start", "1h");

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @Test
  void theOpenApiFileDescribesEveryPlanRoute() {
    ApiResponse openApi = new HubApi(server.getURL().toString()).get("/openapi/plans-1.yml", null);
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body())
        .contains("openapi: 3")
        .contains("/councils/{council}/programmes/{programme}/tree:")
        .contains("/councils/{council}/actions/{id}/progress-reports:")
        .contains("/councils/{council}/actions/{id}/due-date-revisions:")
        .contains("/councils/{council}/drivers/coverage:")
        .contains("/councils/{council}/audit:")
        .contains("/councils/{council}/risks:")
        .contains("/councils/{council}/programmes/import:")
        .contains("/councils/{council}/programmes/{id}/export:")
        .contains("/councils/{council}/programmes/{programme}/items:")
        .contains("/plan-template:")
        .contains("rows[<row>].<column>")
        .contains("bearerFormat: JWT");
  }

  @Test
  void anUnknownOpenApiFileIs404() {
    ApiResponse missing =
        new HubApi(server.getURL().toString()).get("/openapi/nothing-here.yml", null);
    assertThat(missing.status()).isEqualTo(404);
  }
}
