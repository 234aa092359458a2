package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenancy mounts a second token key from the signing key's Secret, optionally, so that a key can be
 * rotated without signing anyone out (docs/runbooks/rotate-signing-key.md).
 */
class SigningKeyRotationTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  private static PodSpec tenancy(RenderedManifests manifests) {
    return manifests
        .named(Deployment.class, RenderedManifests.nameOf("tenancy"))
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  @Test
  void theSecondKeyIsMountedOptionallyFromTheSameSecret() {
    RenderedManifests manifests = CHART.render();
    PodSpec pod = tenancy(manifests);

    Volume second =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("signing-key-second"))
            .findFirst()
            .orElseThrow();
    assertThat(second.getSecret().getSecretName()).isEqualTo("improvement-hub-token-signing-key");
    assertThat(second.getSecret().getOptional()).isTrue();
    assertThat(second.getSecret().getItems())
        .singleElement()
        .satisfies(item -> assertThat(item.getKey()).isEqualTo("second-signing-key.pem"));
    assertThat(pod.getContainers().get(0).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("signing-key-second");
              assertThat(m.getReadOnly()).isTrue();
            });
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .containsEntry(
            "HUB_TOKEN_SECOND_KEY_FILE",
            "/etc/improvement-hub/signing-key-second/second-signing-key.pem");
    assertThat(
            manifests
                .named(Deployment.class, RenderedManifests.nameOf("plans"))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes())
        .noneMatch(v -> v.getName().startsWith("signing-key"));
  }

  @Test
  void anEmptySecondKeyMountsNothing() {
    RenderedManifests manifests =
        CHART.render(List.of(), Map.of("tokens.signingKey.secondKey", ""));

    assertThat(tenancy(manifests).getVolumes())
        .noneMatch(v -> v.getName().equals("signing-key-second"));
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .doesNotContainKey("HUB_TOKEN_SECOND_KEY_FILE");
  }
}
