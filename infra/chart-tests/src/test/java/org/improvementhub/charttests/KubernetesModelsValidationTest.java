package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Type-checks every rendered manifest against the Kubernetes OpenAPI schemas (npm {@code
 * kubernetes-models}, run offline by node): wrong types and enum values, which fabric8 accepts.
 * Needs {@code npm ci} in this module first; without it the test is skipped, or fails when {@code
 * -Dchart.kubernetes-models.required=true} (what CI should pass).
 */
class KubernetesModelsValidationTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();
  private static final Path MODULE =
      Path.of(System.getProperty("hub.chart-tests.dir", ".")).toAbsolutePath().normalize();
  private static final Path SCRIPT = MODULE.resolve("src/test/node/validate-manifests.mjs");
  private static final Path NODE_MODULES = MODULE.resolve("node_modules");
  private static Path node;

  @BeforeAll
  static void findNodeAndModels() {
    Optional<Path> found = onPath("node");
    boolean installed = Files.isDirectory(NODE_MODULES.resolve("kubernetes-models"));
    String missing =
        "needs node and `npm ci` in infra/chart-tests (node found: "
            + found.isPresent()
            + ", kubernetes-models installed: "
            + installed
            + ")";
    if (Boolean.getBoolean("chart.kubernetes-models.required") && (found.isEmpty() || !installed)) {
      fail(missing);
    }
    Assumptions.assumeTrue(found.isPresent() && installed, missing);
    node = found.get();
  }

  static Stream<Arguments> valuesFiles() {
    return Stream.of(
        Arguments.of("default", List.of(), Map.of()),
        Arguments.of("production", List.of(CHART.valuesFile("values-production.yaml")), Map.of()),
        Arguments.of("minimal", List.of(CHART.valuesFile("values-minimal.yaml")), Map.of()),
        Arguments.of(
            "every service on",
            List.of(CHART.valuesFile("values-production.yaml")),
            Map.of("services.oversight.enabled", true, "services.portal.enabled", true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valuesFiles")
  void everyRenderedManifestMatchesItsKubernetesSchema(
      String name, List<Path> files, Map<String, Object> sets, @TempDir Path dir) throws Exception {
    RenderedManifests manifests = CHART.render(files, sets);
    Path rendered = Files.writeString(dir.resolve("rendered.yaml"), manifests.yaml());

    Validation result = validate(rendered);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().strip()).isEqualTo("valid: " + manifests.resources().size());
  }

  @Test
  void wrongTypesAndEnumValuesAreRejected(@TempDir Path dir) throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            apiVersion: v1
            kind: Service
            metadata: {name: broken}
            spec:
              type: Sideways
              ports: [{port: "eighty"}]
            """);

    Validation result = validate(bad);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("spec/ports/0/port must be integer")
        .contains("spec/type must be equal to one of the allowed values");
  }

  private record Validation(int exitCode, String output) {}

  private static Validation validate(Path manifests) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(node.toString(), SCRIPT.toString(), manifests.toString())
            .redirectErrorStream(true);
    builder.environment().put("CHART_TESTS_NODE_MODULES", NODE_MODULES.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("node did not finish: " + output);
    }
    return new Validation(process.exitValue(), output);
  }

  private static Optional<Path> onPath(String command) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, command))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
