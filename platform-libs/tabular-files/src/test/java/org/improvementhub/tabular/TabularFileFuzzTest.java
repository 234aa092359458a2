package org.improvementhub.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.improvementhub.web.problem.ProblemException;

/**
 * Any bytes, read as CSV or as XLSX, give a table within the row limit or a problem naming {@code
 * file}: never another exception, never a hang. In CI (Jazzer's regression mode) this runs the
 * seeds in {@code TabularFileFuzzTestInputs/}; {@code infra/bench/run-fuzz.sh} fuzzes it ({@code
 * JAZZER_FUZZ=1}) and any input that fails is kept there as a seed.
 */
class TabularFileFuzzTest {

  private static final int MOST_ROWS = 200;

  @FuzzTest(maxDuration = "5m")
  void anyBytesAreReadOrRefusedNamingTheFile(FuzzedDataProvider data) {
    String kind = data.consumeBoolean() ? TabularFile.XLSX : TabularFile.CSV;
    byte[] content = data.consumeRemainingAsBytes();
    try {
      Table table = TabularFile.ofAtMost(MOST_ROWS).preferringSheet("Plan").read(content, kind);
      assertThat(table.rows()).hasSizeLessThanOrEqualTo(MOST_ROWS);
      table.rows().forEach(row -> assertThat(row.row()).isGreaterThan(1));
    } catch (ProblemException refused) {
      assertThat(refused.problem().errors())
          .extracting(error -> error.field())
          .containsExactly("file");
    }
  }
}
