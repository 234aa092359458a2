package org.improvementhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads a MixedSoak report (trimmed to two requests a group) whose warm-up (42,000 requests over
 * 210 s) and soak (54,000 over 180 s) ran in one simulation.
 */
class GatlingRunTest {

  private final Path report = fixture();

  @Test
  void theSoaksGroupGivesItsOwnFiguresApartFromTheWarmUp() throws Exception {
    GatlingRun.Result soak = GatlingRun.read("MixedSoak", 300, 180, report, "soak");

    assertThat(soak.all().total()).isEqualTo(54_000);
    assertThat(soak.all().failed()).isZero();
    assertThat(soak.all().p99()).isEqualTo(148);
    assertThat(soak.all().perSecond()).as("over the soak's 180 s, not the run's").isEqualTo(300);
    assertThat(soak.requests())
        .extracting(LoadFigures::name)
        .containsExactly("action's progress reports", "measures");
    assertThat(soak.requests().get(0).total()).isEqualTo(2_667);

    GatlingRun.Result warmUp = GatlingRun.read("MixedSoak", 300, 210, report, "warm-up");
    assertThat(warmUp.all().total()).isEqualTo(42_000);
    assertThat(warmUp.all().p99()).isEqualTo(151);
  }

  @Test
  void withoutAGroupEveryRequestCountsAndGatlingsRateStands() throws Exception {
    GatlingRun.Result all = GatlingRun.read("MixedSoak", 300, 180, report, null);

    assertThat(all.all().total()).isEqualTo(96_000);
    assertThat(all.all().perSecond()).isCloseTo(246.15, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void aGroupTheReportLacksIsAnError() {
    assertThatThrownBy(() -> GatlingRun.read("MixedSoak", 300, 180, report, "cool-down"))
        .hasMessageContaining("cool-down");
  }

  private static Path fixture() {
    try {
      return Path.of(GatlingRunTest.class.getResource("/gatling-groups").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
