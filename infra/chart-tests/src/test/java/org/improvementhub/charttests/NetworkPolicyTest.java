package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class NetworkPolicyTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void eachServiceIsIsolatedToItsPodsInBothDirections() {
    RenderedManifests manifests = CHART.render();

    assertThat(manifests.all(NetworkPolicy.class)).hasSize(ChartRenderingTest.SERVICES.size());
    for (String service : ChartRenderingTest.SERVICES) {
      String name = RenderedManifests.nameOf(service);
      NetworkPolicy policy = manifests.named(NetworkPolicy.class, name);
      Deployment deployment = manifests.named(Deployment.class, name);

      assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
      assertThat(policy.getSpec().getPodSelector().getMatchLabels())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void ingressComesOnlyFromTheIngressControllerAndTheOtherServices() {
    NetworkPolicy plans =
        CHART.render().named(NetworkPolicy.class, RenderedManifests.nameOf("plans"));

    List<NetworkPolicyPeer> peers =
        plans.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()).toList();
    assertThat(peers).hasSize(2);
    assertThat(peers)
        .filteredOn(peer -> peer.getNamespaceSelector() != null)
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(peers)
        .filteredOn(peer -> peer.getNamespaceSelector() == null)
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/instance", ChartUnderTest.RELEASE)
                    .doesNotContainKey("app.kubernetes.io/component"));
    assertThat(plans.getSpec().getIngress())
        .allSatisfy(
            rule ->
                assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort().getStrVal()).isEqualTo("http")));
    assertThat(peers).noneMatch(peer -> peer.getIpBlock() != null);
  }

  @Test
  void egressReachesDnsTheDatabaseKafkaAndOnlyNotificationsReachesSmtp() {
    RenderedManifests manifests = CHART.render();

    for (String service : ChartRenderingTest.SERVICES) {
      List<Integer> ports =
          egressPorts(manifests.named(NetworkPolicy.class, RenderedManifests.nameOf(service)));
      assertThat(ports).contains(53, 5432, 9092, 8080);
      if (service.equals("notifications")) {
        assertThat(ports).contains(587);
      } else {
        assertThat(ports).doesNotContain(587);
      }
    }
  }

  @Test
  void productionValuesPinTheDatabaseAndKafkaToTheirAddressRanges() {
    RenderedManifests production = CHART.render(CHART.valuesFile("values-production.yaml"));
    NetworkPolicy measures =
        production.named(NetworkPolicy.class, RenderedManifests.nameOf("measures"));

    assertThat(cidrsFor(measures, 5432)).containsExactly("10.20.0.0/24");
    assertThat(cidrsFor(measures, 9096)).containsExactly("10.20.1.0/24");
    assertThat(measures.getSpec().getIngress())
        .flatExtracting(rule -> rule.getFrom())
        .filteredOn(peer -> peer.getNamespaceSelector() != null)
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.getPodSelector().getMatchLabels())
                    .containsEntry("app.kubernetes.io/name", "ingress-nginx"));
  }

  private static List<Integer> egressPorts(NetworkPolicy policy) {
    return policy.getSpec().getEgress().stream()
        .flatMap(rule -> rule.getPorts().stream())
        .map(port -> port.getPort().getIntVal())
        .filter(Objects::nonNull)
        .toList();
  }

  private static List<String> cidrsFor(NetworkPolicy policy, int port) {
    return policy.getSpec().getEgress().stream()
        .filter(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port))
        .map(NetworkPolicyEgressRule::getTo)
        .flatMap(List::stream)
        .map(peer -> peer.getIpBlock().getCidr())
        .toList();
  }
}
