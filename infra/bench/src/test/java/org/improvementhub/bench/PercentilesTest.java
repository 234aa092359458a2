package org.improvementhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOverUnsortedFigures() {
    Percentiles p = Percentiles.of(List.of(50.0, 10.0, 40.0, 20.0, 30.0));
    assertThat(p.at(50)).isEqualTo(30.0);
    assertThat(p.at(95)).isEqualTo(50.0);
    assertThat(p.at(1)).isEqualTo(10.0);
  }

  @Test
  void noFiguresGiveNotANumber() {
    assertThat(Percentiles.of(List.of()).at(50)).isNaN();
  }
}
