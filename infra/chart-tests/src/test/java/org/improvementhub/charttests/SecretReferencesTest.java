package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Credentials come only from Secrets that already exist; the chart creates none. */
class SecretReferencesTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void theChartCreatesNoSecretAndPutsNoCredentialInAConfigMap() {
    RenderedManifests manifests = CHART.render(CHART.valuesFile("values-production.yaml"));

    assertThat(manifests.all(Secret.class)).isEmpty();
    for (ConfigMap config : manifests.all(ConfigMap.class)) {
      assertThat(config.getData().keySet())
          .noneMatch(key -> key.contains("PASSWORD") || key.contains("SECRET"));
    }
  }

  @Test
  void databaseAndKafkaComeFromTheirSecretsByDefault() {
    Container plans = container(CHART.render(), "plans");

    assertThat(secretKey(plans, "HUB_DB_URL")).contains("improvement-hub-postgresql/jdbc-url");
    assertThat(secretKey(plans, "HUB_DB_USER")).contains("improvement-hub-postgresql/username");
    assertThat(secretKey(plans, "HUB_DB_PASSWORD")).contains("improvement-hub-postgresql/password");
    assertThat(secretKey(plans, "HUB_KAFKA_BOOTSTRAP"))
        .contains("improvement-hub-kafka/bootstrap-servers");
  }

  @Test
  void connectionValuesReplaceTheSecretsForUrlAndBootstrapServers() {
    RenderedManifests production = CHART.render(CHART.valuesFile("values-production.yaml"));
    Container plans = container(production, "plans");
    Map<String, String> config =
        production.named(ConfigMap.class, RenderedManifests.nameOf("plans")).getData();

    assertThat(secretKey(plans, "HUB_DB_URL")).isEmpty();
    assertThat(secretKey(plans, "HUB_KAFKA_BOOTSTRAP")).isEmpty();
    assertThat(secretKey(plans, "HUB_DB_PASSWORD")).contains("improvement-hub-db/password");
    assertThat(config.get("HUB_DB_URL")).startsWith("jdbc:postgresql://hub-db.");
    assertThat(config.get("HUB_KAFKA_BOOTSTRAP")).contains(":9096");
  }

  @Test
  void onlyTenancyMountsTheSigningKeyAndKnowsTheFirstAdminsPassword() {
    RenderedManifests manifests = CHART.render();

    for (String service : ChartRenderingTest.SERVICES) {
      PodSpec pod = pod(manifests, service);
      Container container = pod.getContainers().get(0);
      boolean tenancy = service.equals("tenancy");
      assertThat(pod.getVolumes().stream().anyMatch(v -> v.getSecret() != null))
          .as("%s mounts the signing key", service)
          .isEqualTo(tenancy);
      assertThat(secretKey(container, "HUB_BOOTSTRAP_ADMIN_PASSWORD").isPresent())
          .isEqualTo(tenancy);
    }
    PodSpec tenancy = pod(manifests, "tenancy");
    assertThat(tenancy.getVolumes())
        .filteredOn(v -> v.getName().equals("signing-key"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.getSecret().getSecretName())
                  .isEqualTo("improvement-hub-token-signing-key");
              assertThat(v.getSecret().getDefaultMode()).isEqualTo(0440);
            });
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .containsEntry(
            "HUB_TOKEN_SIGNING_KEY_FILE", "/etc/improvement-hub/signing-key/signing-key.pem")
        .containsEntry("HUB_TOKEN_GENERATE_KEY", "false")
        .containsEntry("HUB_REQUIRED_SERVICES", "measures,notifications,plans");
  }

  @Test
  void onlyNotificationsGetsSmtpAndItsCredentialsFromTheSmtpSecret() {
    RenderedManifests manifests = CHART.render(CHART.valuesFile("values-production.yaml"));
    Container notifications = container(manifests, "notifications");
    Map<String, String> config =
        manifests.named(ConfigMap.class, RenderedManifests.nameOf("notifications")).getData();

    assertThat(config)
        .containsEntry("HUB_SMTP_HOST", "email-smtp.eu-west-2.amazonaws.com")
        .containsEntry("HUB_SMTP_PORT", "587")
        .containsEntry("HUB_WEB_BASE_URL", "https://hub.improvementhub.example.org");
    assertThat(config.get("application-kubernetes.yml"))
        .contains("username: ${HUB_SMTP_USER}")
        .contains("batch-per-council: 200");
    assertThat(secretKey(notifications, "HUB_SMTP_PASSWORD"))
        .contains("improvement-hub-smtp/password");
    assertThat(secretKey(container(manifests, "plans"), "HUB_SMTP_PASSWORD")).isEmpty();
    assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf("plans")).getData())
        .doesNotContainKey("HUB_SMTP_HOST");
  }

  @Test
  void everyServiceValidatesTokensAgainstTenancysJwksInsideTheCluster() {
    RenderedManifests manifests = CHART.render();

    for (String service : ChartRenderingTest.SERVICES) {
      assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf(service)).getData())
          .containsEntry(
              "HUB_JWKS_URL",
              "http://hub-improvement-hub-tenancy:8080/api/tenancy/.well-known/jwks.json")
          .containsEntry("HUB_TOKEN_ISSUER", "https://improvement-hub.example.org/api/tenancy");
    }
  }

  private static PodSpec pod(RenderedManifests manifests, String service) {
    return manifests
        .named(Deployment.class, RenderedManifests.nameOf(service))
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static Container container(RenderedManifests manifests, String service) {
    return pod(manifests, service).getContainers().get(0);
  }

  private static Optional<String> secretKey(Container container, String name) {
    List<EnvVar> env = container.getEnv();
    return env.stream()
        .filter(e -> e.getName().equals(name) && e.getValueFrom() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef())
        .map(ref -> ref.getName() + "/" + ref.getKey())
        .findFirst();
  }
}
