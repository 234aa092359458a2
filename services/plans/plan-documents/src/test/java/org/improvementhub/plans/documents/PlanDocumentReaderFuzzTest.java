package org.improvementhub.plans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Any bytes uploaded as a Word plan give a proposal or a {@link DocumentProblem} with its reason
 * and a message: never another exception, never a hang. In CI (Jazzer's regression mode) this runs
 * the seeds in {@code PlanDocumentReaderFuzzTestInputs/} (the four councils' documents, a damaged
 * one, a PDF); {@code infra/bench/run-fuzz.sh} fuzzes it ({@code JAZZER_FUZZ=1}) and any input that
 * fails is kept there as a seed.
 */
class PlanDocumentReaderFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void anyBytesAreProposedOrRefusedWithAReason(byte[] upload) {
    try {
      Proposal proposal = new PlanDocumentReader(Map.of()).read(upload);
      assertThat(proposal).isNotNull();
    } catch (DocumentProblem refused) {
      assertThat(refused.reason()).isNotNull();
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
