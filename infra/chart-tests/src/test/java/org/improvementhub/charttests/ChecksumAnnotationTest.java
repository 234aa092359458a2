package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A configuration change must roll exactly the pods whose configuration changed. */
class ChecksumAnnotationTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void everyDeploymentCarriesConfigAndSecretReferenceChecksums() {
    for (Deployment deployment : CHART.render().all(Deployment.class)) {
      assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
          .hasEntrySatisfying("checksum/config", c -> assertThat(c).matches("[0-9a-f]{64}"))
          .hasEntrySatisfying("checksum/secret-refs", c -> assertThat(c).matches("[0-9a-f]{64}"));
    }
  }

  @Test
  void changingOneServicesConfigurationRollsOnlyThatService() {
    RenderedManifests before = CHART.render();
    RenderedManifests after =
        CHART.render(List.of(), Map.of("services.plans.config.hub.example", "changed"));

    assertThat(checksum(after, "plans")).isNotEqualTo(checksum(before, "plans"));
    assertThat(checksum(after, "measures")).isEqualTo(checksum(before, "measures"));
  }

  @Test
  void changingSharedConnectionValuesRollsEveryService() {
    RenderedManifests before = CHART.render();
    RenderedManifests after =
        CHART.render(List.of(), Map.of("kafka.bootstrapServers", "kafka-0.kafka:9092"));

    for (String service : ChartRenderingTest.SERVICES) {
      assertThat(checksum(after, service)).isNotEqualTo(checksum(before, service));
    }
  }

  @Test
  void pointingAtAnotherSecretRollsThePods() {
    RenderedManifests before = CHART.render();
    RenderedManifests after =
        CHART.render(List.of(), Map.of("postgresql.existingSecret", "rotated-db-credentials"));

    assertThat(annotation(after, "plans", "checksum/secret-refs"))
        .isNotEqualTo(annotation(before, "plans", "checksum/secret-refs"));
  }

  private static String checksum(RenderedManifests manifests, String service) {
    return annotation(manifests, service, "checksum/config");
  }

  private static String annotation(RenderedManifests manifests, String service, String key) {
    return manifests
        .named(Deployment.class, RenderedManifests.nameOf(service))
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(key);
  }
}
