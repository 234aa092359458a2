package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Councils' providers live outside the cluster: once the operators name provider hosts, tenancy,
 * and no other service, may reach HTTPS on the internet (never the cluster's or the cloud's inside
 * ranges, the metadata service included); until then nothing does. Tenancy refuses provider hosts
 * that resolve inside ({@code HUB_SSO_ALLOW_INSIDE_ADDRESSES=false}).
 */
class SsoEgressTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  private static RenderedManifests withValues(String yaml) throws IOException {
    Path values = Files.createTempFile("sso-egress-values", ".yaml");
    Files.writeString(values, yaml);
    return CHART.render(List.of(values), Map.of());
  }

  private static List<NetworkPolicyEgressRule> httpsRules(
      RenderedManifests manifests, String service) {
    return manifests
        .named(NetworkPolicy.class, RenderedManifests.nameOf(service))
        .getSpec()
        .getEgress()
        .stream()
        .filter(
            rule ->
                rule.getPorts().stream()
                    .anyMatch(p -> Integer.valueOf(443).equals(p.getPort().getIntVal())))
        .toList();
  }

  @Test
  void withoutProviderHostsNoServiceReachesHttpsOutside() {
    RenderedManifests manifests = CHART.render();

    for (String service : ChartRenderingTest.SERVICES) {
      assertThat(httpsRules(manifests, service)).as(service).isEmpty();
    }
  }

  @Test
  void withProviderHostsOnlyTenancyReachesHttpsOnTheInternetNotInside() throws IOException {
    RenderedManifests manifests =
        withValues("sso:\n  allowedIssuerHosts: [login.microsoftonline.com]\n");

    NetworkPolicyEgressRule rule = httpsRules(manifests, "tenancy").get(0);
    assertThat(httpsRules(manifests, "tenancy")).hasSize(1);
    assertThat(rule.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getProtocol()).isEqualTo("TCP"));
    List<IPBlock> blocks = rule.getTo().stream().map(peer -> peer.getIpBlock()).toList();
    assertThat(blocks).extracting(IPBlock::getCidr).containsExactly("0.0.0.0/0", "::/0");
    assertThat(blocks.get(0).getExcept())
        .contains(
            "10.0.0.0/8",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "169.254.0.0/16",
            "127.0.0.0/8",
            "100.64.0.0/10");
    assertThat(blocks.get(1).getExcept()).contains("fc00::/7", "fe80::/10");
    assertThat(rule.getTo()).allSatisfy(peer -> assertThat(peer.getPodSelector()).isNull());
    for (String other : ChartRenderingTest.SERVICES) {
      if (!other.equals("tenancy")) {
        assertThat(httpsRules(manifests, other)).as(other).isEmpty();
      }
    }
  }

  @Test
  void theEgressCanBeNarrowedToTheProvidersRangesOrLeftOut() throws IOException {
    RenderedManifests narrowed =
        withValues(
            """
            sso:
              allowedIssuerHosts: [login.microsoftonline.com]
              egress:
                ipBlocks:
                  - cidr: 20.190.128.0/18
                  - cidr: 40.126.0.0/18
            """);
    assertThat(httpsRules(narrowed, "tenancy").get(0).getTo())
        .extracting(peer -> peer.getIpBlock().getCidr())
        .containsExactly("20.190.128.0/18", "40.126.0.0/18");

    RenderedManifests none =
        withValues(
            "sso:\n  allowedIssuerHosts: [login.microsoftonline.com]\n  egress:\n"
                + "    ipBlocks: []\n");
    assertThat(httpsRules(none, "tenancy")).isEmpty();
  }

  @Test
  void tenancyRefusesProviderHostsThatResolveInsideUnlessTheOperatorsSayOtherwise()
      throws IOException {
    Map<String, String> tenancy =
        CHART.render().named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData();
    assertThat(tenancy).containsEntry("HUB_SSO_ALLOW_INSIDE_ADDRESSES", "false");
    assertThat(CHART.render().named(ConfigMap.class, RenderedManifests.nameOf("plans")).getData())
        .doesNotContainKey("HUB_SSO_ALLOW_INSIDE_ADDRESSES");

    RenderedManifests inside = withValues("sso:\n  allowInsideAddresses: true\n");
    assertThat(inside.named(ConfigMap.class, RenderedManifests.nameOf("tenancy")).getData())
        .containsEntry("HUB_SSO_ALLOW_INSIDE_ADDRESSES", "true");
  }
}
