package org.improvementhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionRefusalsTest {

  private static final String METRICS =
      """
      # HELP hub_admission_refused_total Requests answered 503 busy without being served
      # TYPE hub_admission_refused_total counter
      hub_admission_refused_total{reason="queue-full"} 12.0
      hub_admission_refused_total{reason="waited-too-long"} 30.0
      hub_admission_refused_total{reason="withdrawn"} 0.0
      hub_admission_in_flight 3.0
      """;

  @Test
  void eachReasonIsCountedAndOnlyTheSoaksOwnAreKept() {
    AdmissionRefusals now = AdmissionRefusals.of(METRICS);
    AdmissionRefusals before =
        new AdmissionRefusals(Map.of("queue-full", 2L, "waited-too-long", 0L));

    assertThat(now.byReason())
        .containsEntry("queue-full", 12L)
        .containsEntry("waited-too-long", 30L)
        .containsEntry("withdrawn", 0L);
    assertThat(now.since(before).byReason()).containsEntry("queue-full", 10L);
    assertThat(now.since(before).total()).isEqualTo(40);
  }

  @Test
  void aServiceWithoutAdmissionControlRefusedNothing() {
    assertThat(AdmissionRefusals.of("jvm_threads_live_threads 40.0\n").total()).isZero();
  }
}
