package org.improvementhub.measures;

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
class MeasuresOpenApiIT implements TestPropertyProvider {

  private final HubTestProperties properties = HubTestProperties.freshDatabase();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return properties.build();
  }

  @Test
  void theOpenApiFileDescribesEveryMeasuresRoute() {
    ApiResponse openApi =
        new HubApi(server.getURL().toString()).get("/openapi/measures-1.yml", null);
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body())
        .contains("openapi: 3")
        .contains("/measures/library:")
        .contains("/councils/{council}/measures:")
        .contains("/councils/{council}/measures/{id}:")
        .contains("/councils/{council}/measures/{id}/history:")
        .contains("/councils/{council}/measures/{id}/series:")
        .contains("/councils/{council}/measures/{id}/targets:")
        .contains("/councils/{council}/measures/{id}/links/{kind}/{planRecordId}:")
        .contains("/councils/{council}/measure-links:")
        .contains("/councils/{council}/measures/import:")
        .contains("/councils/{council}/measures/values/import:")
        .contains("bearerFormat: JWT");
  }

  @Test
  void anUnknownOpenApiFileIs404() {
    ApiResponse missing =
        new HubApi(server.getURL().toString()).get("/openapi/nothing-here.yml", null);
    assertThat(missing.status()).isEqualTo(404);
  }
}
