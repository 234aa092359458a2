package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationJobTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();
  private final RenderedManifests manifests = CHART.render();

  @Test
  void eachServiceMigratesInAPreInstallAndPreUpgradeHook() {
    for (String service : ChartRenderingTest.APIS) {
      Job job = manifests.named(Job.class, RenderedManifests.nameOf(service) + "-migrate");
      Map<String, String> annotations = job.getMetadata().getAnnotations();

      assertThat(annotations)
          .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
          .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation")
          .containsEntry("helm.sh/hook-weight", service.equals("tenancy") ? "0" : "10");
      assertThat(job.getSpec().getParallelism()).isEqualTo(1);
      assertThat(job.getSpec().getCompletions()).isEqualTo(1);
      assertThat(job.getSpec().getBackoffLimit()).isEqualTo(2);
      assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(1800L);
      assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
      assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName())
          .as("hooks run before the release's ServiceAccount exists")
          .isNull();
    }
  }

  @Test
  void theJobRunsTheServiceImageInMigrateModeWithBoundedParallelism() {
    for (String service : ChartRenderingTest.APIS) {
      String name = RenderedManifests.nameOf(service);
      Container migrate =
          manifests
              .named(Job.class, name + "-migrate")
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);
      Container app =
          manifests
              .named(Deployment.class, name)
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0);

      assertThat(migrate.getImage()).isEqualTo(app.getImage());
      assertThat(migrate.getArgs()).containsExactly("migrate");
      assertThat(env(migrate, "MICRONAUT_ENVIRONMENTS")).contains("kubernetes,migrate");
      assertThat(env(migrate, "HUB_MIGRATION_PARALLELISM")).contains("4");
      assertThat(env(migrate, "DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE")).contains("6");
      assertThat(secretRef(migrate, "HUB_DB_PASSWORD")).contains("improvement-hub-postgresql");
      assertThat(secretRef(migrate, "HUB_DB_USER")).contains("improvement-hub-postgresql");
    }
  }

  @Test
  void theJobReadsAHookConfigMapCreatedBeforeItWithTheServicesConfiguration() {
    for (String service : ChartRenderingTest.APIS) {
      String name = RenderedManifests.nameOf(service);
      ConfigMap hookConfig = manifests.named(ConfigMap.class, name + "-migrate");
      ConfigMap appConfig = manifests.named(ConfigMap.class, name);

      assertThat(hookConfig.getMetadata().getAnnotations())
          .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
          .containsEntry("helm.sh/hook-weight", "-10")
          .containsEntry("helm.sh/hook-delete-policy", "before-hook-creation,hook-succeeded");
      assertThat(hookConfig.getData()).isEqualTo(appConfig.getData());
    }
  }

  @Test
  void parallelismAndDeadlineFollowTheValues() {
    RenderedManifests production =
        CHART.render(
            List.of(CHART.valuesFile("values-production.yaml")),
            Map.of("services.measures.migration.parallelism", 12));

    Container measures =
        production
            .named(Job.class, RenderedManifests.nameOf("measures") + "-migrate")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    Job plans = production.named(Job.class, RenderedManifests.nameOf("plans") + "-migrate");

    assertThat(env(measures, "HUB_MIGRATION_PARALLELISM")).contains("12");
    assertThat(env(measures, "DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE")).contains("14");
    assertThat(plans.getSpec().getActiveDeadlineSeconds()).isEqualTo(3600L);
  }

  @Test
  void noJobWhenMigrationsAreOff() {
    RenderedManifests off = CHART.render(List.of(), Map.of("migrations.enabled", false));

    assertThat(off.all(Job.class)).isEmpty();
    assertThat(off.all(ConfigMap.class)).hasSize(ChartRenderingTest.SERVICES.size());
  }

  static Optional<String> env(Container container, String name) {
    return envVar(container, name).map(EnvVar::getValue);
  }

  private static Optional<String> secretRef(Container container, String name) {
    return envVar(container, name).map(e -> e.getValueFrom().getSecretKeyRef().getName());
  }

  private static Optional<EnvVar> envVar(Container container, String name) {
    return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
  }
}
