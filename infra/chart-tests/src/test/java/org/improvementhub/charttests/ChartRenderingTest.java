package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What must hold for every values file we ship: default, production-like and minimal. */
class ChartRenderingTest {

  /** Every service the chart deploys by default. */
  static final List<String> SERVICES =
      List.of("tenancy", "plans", "measures", "notifications", "oversight", "portal");

  /**
   * The services served under /api/<name>, each with a migration Job (the portal owns no tables).
   */
  static final List<String> APIS =
      List.of("tenancy", "plans", "measures", "notifications", "oversight");

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  static Stream<Arguments> valuesFiles() {
    return Stream.of(
        Arguments.of("default", List.of()),
        Arguments.of("production", List.of(CHART.valuesFile("values-production.yaml"))),
        Arguments.of("minimal", List.of(CHART.valuesFile("values-minimal.yaml"))));
  }

  private static RenderedManifests render(List<Path> files) {
    return CHART.render(files, Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void everyDocumentParsesIntoATypedObjectWithNoUnknownField(String name, List<Path> files) {
    RenderedManifests manifests = render(files);

    assertThat(manifests.resources()).isNotEmpty();
    for (HasMetadata resource : manifests.resources()) {
      assertThat(resource.getClass().getPackageName())
          .as("%s %s is a typed model", resource.getKind(), resource.getMetadata().getName())
          .startsWith("io.fabric8.kubernetes.api.model");
      assertThat(UnknownFields.in(resource))
          .as("unknown fields of %s %s", resource.getKind(), resource.getMetadata().getName())
          .isEmpty();
      assertThat(resource.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/part-of", "improvement-hub")
          .containsEntry("app.kubernetes.io/instance", ChartUnderTest.RELEASE);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void everyEnabledServiceHasItsResources(String name, List<Path> files) {
    RenderedManifests manifests = render(files);

    for (String service : SERVICES) {
      String resourceName = RenderedManifests.nameOf(service);
      assertThat(manifests.named(Deployment.class, resourceName)).isNotNull();
      assertThat(manifests.named(Service.class, resourceName).getSpec().getPorts())
          .singleElement()
          .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
      assertThat(manifests.named(ConfigMap.class, resourceName).getData())
          .containsKeys("application-kubernetes.yml", "MICRONAUT_SERVER_CONTEXT_PATH");
    }
    for (String service : APIS) {
      assertThat(manifests.named(Job.class, RenderedManifests.nameOf(service) + "-migrate"))
          .isNotNull();
    }
    assertThat(manifests.all(Deployment.class)).hasSize(SERVICES.size());
    assertThat(manifests.all(Job.class))
        .as("the portal owns no tables, so it has no migration Job")
        .hasSize(APIS.size())
        .noneMatch(job -> job.getMetadata().getName().contains("portal"));
    assertThat(manifests.all(ServiceAccount.class)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void everyContainerRunsLockedDown(String name, List<Path> files) {
    RenderedManifests manifests = render(files);

    for (PodSpec pod : podsOf(manifests)) {
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      assertThat(pod.getVolumes())
          .anySatisfy(v -> assertThat(v.getEmptyDir()).as("tmp emptyDir").isNotNull());
      assertThat(pod.getContainers()).isNotEmpty();
      for (Container container : pod.getContainers()) {
        var security = container.getSecurityContext();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getVolumeMounts())
            .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getImage()).matches("^[^:]+(:[0-9]+)?[^:]*:[A-Za-z0-9_.-]+$");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void everyServiceIsProbedOnMicronautsHealthEndpoints(String name, List<Path> files) {
    RenderedManifests manifests = render(files);

    for (String service : SERVICES) {
      Deployment deployment = manifests.named(Deployment.class, RenderedManifests.nameOf(service));
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertProbe(container.getLivenessProbe(), "/health/liveness");
      assertProbe(container.getReadinessProbe(), "/health/readiness");
      assertProbe(container.getStartupProbe(), "/health/liveness");
      assertThat(manifests.named(ConfigMap.class, RenderedManifests.nameOf(service)).getData())
          .as("APIs under the context path, management endpoints at the root")
          .containsEntry(
              "MICRONAUT_SERVER_CONTEXT_PATH", service.equals("portal") ? "" : "/api/" + service)
          .containsEntry("ENDPOINTS_ALL_CONTEXT_PATH", "/");
      assertThat(container.getPorts())
          .singleElement()
          .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
    }
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void autoscalingAndDisruptionBudgetsFollowTheValues(String name, List<Path> files) {
    RenderedManifests manifests = render(files);
    boolean minimal = name.equals("minimal");

    assertThat(manifests.all(HorizontalPodAutoscaler.class)).hasSize(minimal ? 0 : SERVICES.size());
    assertThat(manifests.all(PodDisruptionBudget.class)).hasSize(minimal ? 0 : SERVICES.size());
    for (Deployment deployment : manifests.all(Deployment.class)) {
      if (minimal) {
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
      } else {
        assertThat(deployment.getSpec().getReplicas())
            .as("the HPA owns the replica count")
            .isNull();
      }
    }
    for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
      assertThat(hpa.getSpec().getScaleTargetRef().getName())
          .isEqualTo(hpa.getMetadata().getName());
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas())
          .isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
    }
    for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
      Deployment target = manifests.named(Deployment.class, pdb.getMetadata().getName());
      assertThat(pdb.getSpec().getSelector().getMatchLabels())
          .isEqualTo(target.getSpec().getSelector().getMatchLabels());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void ingressRoutesEachApiByItsPathPrefix(String name, List<Path> files) {
    RenderedManifests manifests = render(files);
    List<Ingress> ingresses = manifests.all(Ingress.class);
    if (name.equals("minimal")) {
      assertThat(ingresses).isEmpty();
      assertThat(manifests.all(NetworkPolicy.class)).isEmpty();
      return;
    }

    assertThat(ingresses).hasSize(1);
    var rule = ingresses.get(0).getSpec().getRules().get(0);
    List<String> routes = new ArrayList<>();
    for (var path : rule.getHttp().getPaths()) {
      assertThat(path.getPathType()).isEqualTo("Prefix");
      routes.add(path.getPath() + " -> " + path.getBackend().getService().getName());
    }
    List<String> expected = new ArrayList<>();
    APIS.forEach(s -> expected.add("/api/" + s + " -> " + RenderedManifests.nameOf(s)));
    expected.add("/ -> " + RenderedManifests.nameOf("portal"));
    assertThat(routes).containsExactlyInAnyOrderElementsOf(expected);
  }

  static List<PodSpec> podsOf(RenderedManifests manifests) {
    List<PodSpec> pods = new ArrayList<>();
    manifests.all(Deployment.class).forEach(d -> pods.add(d.getSpec().getTemplate().getSpec()));
    manifests.all(Job.class).forEach(j -> pods.add(j.getSpec().getTemplate().getSpec()));
    return pods;
  }
}
