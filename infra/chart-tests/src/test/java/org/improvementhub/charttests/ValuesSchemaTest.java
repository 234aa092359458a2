package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json (draft-07) is enforced by Helm on every render: bad values never reach a
 * cluster.
 */
class ValuesSchemaTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(
            "replicas 0",
            "services:\n  plans:\n    replicaCount: 0\n",
            "/services/plans/replicaCount"),
        Arguments.of("image tag of the wrong type", "image:\n  tag: [1, 2]\n", "/image/tag"),
        Arguments.of(
            "a service tag with a space",
            "services:\n  measures:\n    image:\n      tag: \"1.0 beta\"\n",
            "/services/measures/image/tag"),
        Arguments.of("an unknown top-level key", "replicaz: 3\n", "replicaz"),
        Arguments.of(
            "an unknown key inside a service",
            "services:\n  tenancy:\n    replicaz: 3\n",
            "replicaz"),
        Arguments.of("an unknown service", "services:\n  billing:\n    enabled: true\n", "billing"),
        Arguments.of(
            "migration parallelism 0",
            "services:\n  notifications:\n    migration:\n      parallelism: 0\n",
            "/services/notifications/migration/parallelism"),
        Arguments.of(
            "running as root",
            "containerSecurityContext:\n  runAsNonRoot: false\n",
            "/containerSecurityContext/runAsNonRoot"),
        Arguments.of(
            "a writable root filesystem",
            "containerSecurityContext:\n  readOnlyRootFilesystem: false\n",
            "/containerSecurityContext/readOnlyRootFilesystem"),
        Arguments.of(
            "keeping capabilities",
            "containerSecurityContext:\n  capabilities:\n    drop: [NET_RAW]\n",
            "/containerSecurityContext/capabilities/drop"),
        Arguments.of(
            "a pull policy that does not exist",
            "image:\n  pullPolicy: Sometimes\n",
            "/image/pullPolicy"),
        Arguments.of(
            "a malformed memory request",
            "services:\n  plans:\n    resources:\n      requests: {cpu: 250m, memory: lots}\n",
            "/services/plans/resources/requests/memory"),
        Arguments.of(
            "a JDBC URL for another database",
            "postgresql:\n  url: \"jdbc:mysql://db/hub\"\n",
            "/postgresql/url"),
        Arguments.of(
            "a context path without a leading slash",
            "services:\n  plans:\n    contextPath: api/plans\n",
            "/services/plans/contextPath"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void rejects(String what, String values, String where, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), values);

    assertThatThrownBy(() -> CHART.render(file))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(where);
  }

  @Test
  void acceptsTheValuesFilesWeShip() {
    for (String file : List.of("values.yaml", "values-production.yaml", "values-minimal.yaml")) {
      assertThat(CHART.render(CHART.valuesFile(file)).resources()).isNotEmpty();
    }
  }

  @Test
  void minReplicasAboveMaxReplicasIsRefusedByTheTemplates() {
    assertThatThrownBy(
            () ->
                CHART.render(
                    List.of(),
                    Map.of(
                        "services.plans.autoscaling.minReplicas", 5,
                        "services.plans.autoscaling.maxReplicas", 3)))
        .hasMessageContaining("minReplicas must not exceed maxReplicas");
  }

  @Test
  void aMissingDatabaseSecretIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> CHART.render(List.of(), Map.of("postgresql.existingSecret", "")))
        .hasMessageContaining("postgresql.existingSecret is required");
  }
}
