package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLintTest {

  private final ChartUnderTest chart = ChartUnderTest.located();

  @Test
  void passesStrictLint() {
    LintResult result = chart.lintStrictly();

    assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
    assertThat(result.getMessages())
        .as("strict lint tolerates only the icon notice")
        .allMatch(message -> message.contains("icon is recommended"));
  }

  @Test
  void strictLintFailsOnABrokenTemplate(@TempDir Path dir) throws Exception {
    Path broken = Files.createDirectories(dir.resolve("improvement-hub/templates"));
    Files.copy(chart.directory().resolve("Chart.yaml"), broken.getParent().resolve("Chart.yaml"));
    Files.writeString(
        broken.resolve("bad.yaml"), "kind: ConfigMap\nmetadata: {name: {{ .Values.x }\n");

    LintResult result = new Helm(broken.getParent()).lint().strict().call();

    assertThat(result.isFailed()).isTrue();
  }
}
