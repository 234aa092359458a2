package org.improvementhub.charttests;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart as Helm renders it for an install.
 *
 * <p>helm-java's {@code template} returns only the release manifest and drops hook resources (its
 * Go side prints {@code rel.Manifest}, unlike the helm CLI, which appends {@code rel.Hooks}). The
 * migration Jobs are hooks, so the chart is rendered from a copy in which the annotation prefix
 * {@code helm.sh/hook} is renamed; the rendered text is then renamed back. The manifests are
 * therefore what Helm would create, hooks included, with the annotations as written in the chart.
 */
final class ChartUnderTest {

  static final String RELEASE = "hub";
  static final String NAMESPACE = "improvement-hub";
  static final String KUBE_VERSION = "1.30.0";
  private static final String HOOK = "helm.sh/hook";
  private static final String HOOK_IN_COPY = "hooks.chart-tests.invalid/hook";

  private final Path source;
  private final Path copy;

  private ChartUnderTest(Path source, Path copy) {
    this.source = source;
    this.copy = copy;
  }

  /** The chart named by the {@code hub.chart.dir} system property (set by the module's pom). */
  static ChartUnderTest located() {
    Path source =
        Path.of(System.getProperty("hub.chart.dir", "../../helm/improvement-hub"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(source.resolve("Chart.yaml"))) {
      throw new IllegalStateException("No chart at " + source);
    }
    return new ChartUnderTest(source, copyWithVisibleHooks(source));
  }

  Path directory() {
    return source;
  }

  Path valuesFile(String name) {
    return source.resolve(name);
  }

  LintResult lintStrictly() {
    return new Helm(source).lint().strict().call();
  }

  /** Renders with the chart's defaults, then each values file in order, then each --set. */
  RenderedManifests render(List<Path> valuesFiles, Map<String, Object> sets) {
    TemplateCommand template =
        new Helm(copy)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    for (Path file : valuesFiles) {
      template = template.withValuesFile(file);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return RenderedManifests.parse(template.call().replace(HOOK_IN_COPY, HOOK));
  }

  RenderedManifests render(Path... valuesFiles) {
    return render(List.of(valuesFiles), Map.of());
  }

  private static Path copyWithVisibleHooks(Path source) {
    try {
      Path target = Path.of("target", "chart-under-test").toAbsolutePath();
      deleteRecursively(target);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.toList()) {
          Path to = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(to);
          } else if (file.getParent().getFileName().toString().equals("templates")) {
            Files.writeString(to, Files.readString(file).replace(HOOK, HOOK_IN_COPY));
          } else {
            Files.copy(file, to);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
