package org.improvementhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceGcTest {

  private static final String HEADER =
      "    S0C         S1C         S0U         S1U          EC           EU           OC"
          + "           OU          MC         MU       CCSC      CCSU     YGC     YGCT     FGC"
          + "    FGCT     CGC    CGCT       GCT   \n";

  @Test
  void readsEdenAndEveryPausingCollectionByColumnName() {
    ServiceGc.Reading reading =
        ServiceGc.fromJstat(
            HEADER
                + "        0.0      3072.0         0.0      2636.0     161792.0     143360.0"
                + "      97280.0      13673.0    36416.0    36191.6    4608.0    4472.6      7"
                + "     0.085     1     0.020     4     0.012     0.117\n");

    assertThat(reading).isEqualTo(new ServiceGc.Reading(161792.0, 143360.0, 12, 0.117));
  }

  @Test
  void aCollectorWithoutConcurrentCyclesShowsADash() {
    ServiceGc.Reading reading =
        ServiceGc.fromJstat(
            HEADER
                + "  2176.0 2176.0 0.0 100.0 17536.0 9000.0 43712.0 20000.0 40000.0 39000.0"
                + " 5000.0 4800.0 30 0.300 2 0.100 - - 0.400\n");

    assertThat(reading.pauses()).isEqualTo(32);
    assertThat(reading.pauseSeconds()).isEqualTo(0.4);
  }

  @Test
  void perThousandRequestsCountsPausesTheirTimeAndEdenFills() {
    Map<String, ServiceGc.Reading> before =
        Map.of("plans", new ServiceGc.Reading(10_240, 1_024, 10, 1.0));
    Map<String, ServiceGc.Reading> after =
        Map.of("plans", new ServiceGc.Reading(10_240, 3_072, 30, 1.5));

    ServiceGc.PerThousand plans = ServiceGc.perThousand(before, after, 2_000).get("plans");

    // 20 pauses over 2,000 requests; 500 ms; 20 eden fills of 10 MB plus 2 MB more in use
    assertThat(plans).isEqualTo(new ServiceGc.PerThousand(10, 250, 101));
  }

  @Test
  void theJdksOwnJstatReadsThisJvm() {
    assertThat(ServiceGc.read(ProcessHandle.current().pid())).isNotNull();
  }
}
