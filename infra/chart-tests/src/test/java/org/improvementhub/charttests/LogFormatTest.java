package org.improvementhub.charttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services and migration Jobs log JSON for a collector unless told otherwise. */
class LogFormatTest {

  private static final ChartUnderTest CHART = ChartUnderTest.located();

  @Test
  void everyServiceAndMigrationJobLogsJsonByDefault() {
    List<ConfigMap> configs = CHART.render().all(ConfigMap.class);

    assertThat(configs).isNotEmpty();
    assertThat(configs)
        .allSatisfy(c -> assertThat(c.getData()).containsEntry("HUB_LOG_FORMAT", "json"));
  }

  @Test
  void plainTextCanBeChosen() {
    List<ConfigMap> configs =
        CHART.render(List.of(), Map.of("logFormat", "plain")).all(ConfigMap.class);

    assertThat(configs)
        .allSatisfy(c -> assertThat(c.getData()).containsEntry("HUB_LOG_FORMAT", "plain"));
  }
}
