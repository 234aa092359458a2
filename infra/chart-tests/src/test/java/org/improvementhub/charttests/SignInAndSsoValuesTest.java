package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in behind the Ingress: tenancy believes the portal's and the Ingress's {@code
 * X-Forwarded-For}, and the portal its Ingress's, so that failed sign-ins lock the browser's
 * address and not a portal pod's (without it, 20 failures locked portal sign-in for everyone).
 * Councils' SSO: the client secrets' Secret mounted read-only into tenancy, and one callback
 * address given to both the portal and tenancy.
 */
class SignInAndSsoValuesTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();
  private static final String PRIVATE_RANGES = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";
  private static final String CALLBACK = "https://improvement-hub.example.org/sign-in/sso-callback";

  private static Map<String, String> env(RenderedManifests manifests, String service) {
    return manifests.named(ConfigMap.class, RenderedManifests.nameOf(service)).getData();
  }

  /** {@code hub.sso.secrets-dir} in tenancy's application-kubernetes.yml, or null. */
  @SuppressWarnings("unchecked")
  private static Object secretsDir(RenderedManifests manifests) {
    Map<String, Object> file =
        Serialization.unmarshal(
            env(manifests, "tenancy").get("application-kubernetes.yml"), Map.class);
    Object hub = file == null ? null : file.get("hub");
    Object sso = hub instanceof Map<?, ?> map ? map.get("sso") : null;
    return sso instanceof Map<?, ?> map ? map.get("secrets-dir") : null;
  }

  private static PodSpec pod(RenderedManifests manifests, String service) {
    return manifests
        .named(Deployment.class, RenderedManifests.nameOf(service))
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  @Test
  void byDefaultTenancyAndThePortalBelieveThePodNetworkAboutTheBrowsersAddress() {
    RenderedManifests manifests = CHART.render();

    assertThat(env(manifests, "tenancy"))
        .containsEntry("HUB_SIGN_IN_TRUSTED_PROXIES", PRIVATE_RANGES)
        .doesNotContainKey("HUB_PORTAL_TRUSTED_PROXIES");
    assertThat(env(manifests, "portal"))
        .containsEntry("HUB_PORTAL_TRUSTED_PROXIES", PRIVATE_RANGES)
        .doesNotContainKey("HUB_SIGN_IN_TRUSTED_PROXIES");
    assertThat(env(manifests, "plans"))
        .doesNotContainKeys("HUB_SIGN_IN_TRUSTED_PROXIES", "HUB_PORTAL_TRUSTED_PROXIES");
  }

  @Test
  void theTrustedProxiesCanBeNarrowedToTheClustersPodNetwork() throws IOException {
    Path values = Files.createTempFile("sign-in-values", ".yaml");
    Files.writeString(values, "signIn:\n  trustedProxies: [10.42.0.0/16, fd12::/64]\n");
    RenderedManifests manifests = CHART.render(List.of(values), Map.of());

    assertThat(env(manifests, "tenancy"))
        .containsEntry("HUB_SIGN_IN_TRUSTED_PROXIES", "10.42.0.0/16,fd12::/64");
    assertThat(env(manifests, "portal"))
        .containsEntry("HUB_PORTAL_TRUSTED_PROXIES", "10.42.0.0/16,fd12::/64");
  }

  @Test
  void thePortalsCallbackIsTenancysOnlyRedirectUriAndTheSecretsAreMountedReadOnly() {
    RenderedManifests manifests = CHART.render();

    assertThat(env(manifests, "portal")).containsEntry("HUB_PORTAL_SSO_CALLBACK_URL", CALLBACK);
    assertThat(env(manifests, "tenancy")).containsEntry("HUB_SSO_REDIRECT_URIS", CALLBACK);
    assertThat(secretsDir(manifests)).isEqualTo("/etc/improvement-hub/sso-secrets");

    PodSpec tenancy = pod(manifests, "tenancy");
    Volume secrets =
        tenancy.getVolumes().stream()
            .filter(v -> v.getName().equals("sso-secrets"))
            .findFirst()
            .orElseThrow();
    assertThat(secrets.getSecret().getSecretName()).isEqualTo("improvement-hub-sso-secrets");
    assertThat(secrets.getSecret().getOptional()).isTrue();
    assertThat(secrets.getSecret().getDefaultMode()).isEqualTo(0440);
    Container container = tenancy.getContainers().get(0);
    assertThat(container.getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("sso-secrets");
              assertThat(m.getMountPath()).isEqualTo("/etc/improvement-hub/sso-secrets");
              assertThat(m.getReadOnly()).isTrue();
            });
    for (String other : List.of("portal", "plans")) {
      assertThat(pod(manifests, other).getVolumes())
          .as("%s gets no client secret", other)
          .noneMatch(v -> v.getName().equals("sso-secrets"));
    }
  }

  @Test
  void theCallbackFollowsThePortalsAddressOrIsGivenAndTheSecretCanBeLeftOut() {
    RenderedManifests underPortal =
        CHART.render(List.of(), Map.of("webBaseUrl", "https://hub.example.gov.uk/"));
    assertThat(env(underPortal, "tenancy"))
        .containsEntry("HUB_SSO_REDIRECT_URIS", "https://hub.example.gov.uk/sign-in/sso-callback");

    RenderedManifests given =
        CHART.render(
            List.of(),
            Map.of(
                "sso.callbackUrl", "https://sign-in.example.gov.uk/sign-in/sso-callback",
                "sso.clientSecrets.existingSecret", ""));
    assertThat(env(given, "portal"))
        .containsEntry(
            "HUB_PORTAL_SSO_CALLBACK_URL", "https://sign-in.example.gov.uk/sign-in/sso-callback");
    assertThat(env(given, "tenancy"))
        .containsEntry(
            "HUB_SSO_REDIRECT_URIS", "https://sign-in.example.gov.uk/sign-in/sso-callback");
    assertThat(secretsDir(given)).isNull();
    assertThat(pod(given, "tenancy").getVolumes())
        .noneMatch(v -> v.getName().equals("sso-secrets"));
  }

  @Test
  void noProviderHostIsAllowedUntilTheOperatorNamesThem() throws IOException {
    assertThat(env(CHART.render(), "tenancy")).containsEntry("HUB_SSO_ALLOWED_ISSUER_HOSTS", "");

    Path values = Files.createTempFile("sso-hosts-values", ".yaml");
    Files.writeString(
        values, "sso:\n  allowedIssuerHosts: [login.microsoftonline.com, \"*.example.gov.uk\"]\n");
    RenderedManifests manifests = CHART.render(List.of(values), Map.of());

    assertThat(env(manifests, "tenancy"))
        .containsEntry(
            "HUB_SSO_ALLOWED_ISSUER_HOSTS", "login.microsoftonline.com,*.example.gov.uk");
    assertThat(env(manifests, "portal")).doesNotContainKey("HUB_SSO_ALLOWED_ISSUER_HOSTS");
  }
}
