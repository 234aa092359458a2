package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** oversight and the portal, the last two services built, slot in beside the others by default. */
class LaterServicesTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void oversightAndThePortalAreOnByDefaultWithTheSameDefaults() {
    RenderedManifests manifests = CHART.render();

    assertThat(manifests.all(Deployment.class)).hasSize(6);
    assertThat(manifests.named(Job.class, RenderedManifests.nameOf("oversight") + "-migrate"))
        .isNotNull();
    assertThat(manifests.all(Job.class))
        .as("the portal owns no tables")
        .noneMatch(job -> job.getMetadata().getName().contains("portal"));
    assertThat(ChartRenderingTest.podsOf(manifests)).hasSize(6 + 5);
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .as("oversight keeps no council tables, so tenancy does not wait for it")
        .containsEntry("HUB_REQUIRED_SERVICES", "measures,notifications,plans");

    var paths =
        manifests.all(Ingress.class).get(0).getSpec().getRules().get(0).getHttp().getPaths();
    assertThat(paths)
        .anySatisfy(
            p -> {
              assertThat(p.getPath()).isEqualTo("/");
              assertThat(p.getBackend().getService().getName())
                  .isEqualTo(RenderedManifests.nameOf("portal"));
            })
        .anySatisfy(p -> assertThat(p.getPath()).isEqualTo("/api/oversight"));
  }

  @Test
  void thePortalCallsEachEnabledApiInsideTheCluster() {
    RenderedManifests manifests = CHART.render();

    Map<String, String> portal =
        manifests.named(ConfigMap.class, RenderedManifests.nameOf("portal")).getData();
    assertThat(portal)
        .containsEntry(
            "HUB_TENANCY_URL",
            "http://" + RenderedManifests.nameOf("tenancy") + ":8080/api/tenancy")
        .containsEntry(
            "HUB_PLANS_URL", "http://" + RenderedManifests.nameOf("plans") + ":8080/api/plans")
        .containsEntry(
            "HUB_OVERSIGHT_URL",
            "http://" + RenderedManifests.nameOf("oversight") + ":8080/api/oversight")
        .containsKeys("HUB_MEASURES_URL", "HUB_NOTIFICATIONS_URL")
        .doesNotContainKey("HUB_PORTAL_URL");
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("plans")).getData())
        .as("only the portal calls the others")
        .doesNotContainKey("HUB_TENANCY_URL");
  }

  @Test
  void eitherCanStillBeTurnedOff() {
    RenderedManifests manifests =
        CHART.render(
            List.of(),
            Map.of("services.oversight.enabled", false, "services.portal.enabled", false));

    assertThat(manifests.all(Deployment.class)).hasSize(4);
    assertThat(manifests.resources())
        .noneMatch(r -> r.getMetadata().getName().contains("oversight"))
        .noneMatch(r -> r.getMetadata().getName().contains("portal"));
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .containsEntry("HUB_REQUIRED_SERVICES", "measures,notifications,plans");
  }
}
