package org.improvementhub.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceCpuTest {

  @Test
  void readsUserAndSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat =
        "4242 (java (plans) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 0 0 20 0 61 0"
            + " 123456 3456789012 61234 18446744073709551615 1 1 0 0 0 0 0 4096 16 0 0 0 17 1 0 0"
            + " 0 0 0";

    assertThat(ServiceCpu.fromStat(stat)).isEqualTo((1234 + 567) * 10.0);
  }

  @Test
  void addsTheEndedChildrensTicksOnlyWhenAsked() {
    String stat =
        "4242 (postgres) S 1 4242 4242 0 -1 4194560 51234 0 12 0 1234 567 89 10 20 0 61 0"
            + " 123456 3456789012 61234 18446744073709551615 1 1 0 0 0 0 0 4096 16 0 0 0 17 1 0 0"
            + " 0 0 0";

    assertThat(ServiceCpu.fromStat(stat, false)).isEqualTo((1234 + 567) * 10.0);
    assertThat(ServiceCpu.fromStat(stat, true)).isEqualTo((1234 + 567 + 89 + 10) * 10.0);
  }

  @Test
  void anUnreadableLineIsNotANumber() {
    assertThat(ServiceCpu.fromStat(null)).isNaN();
    assertThat(ServiceCpu.fromStat("4242 (java) S 1")).isNaN();
  }

  @Test
  void ownProcessHasUsedSomeProcessorTime() {
    assertThat(ServiceCpu.millis(ProcessHandle.current().pid())).isPositive();
  }

  @Test
  void dividesEachServicesTimeAndTheirSumByTheRequests() {
    Map<String, Double> before = new LinkedHashMap<>();
    before.put("plans", 1_000.0);
    before.put("tenancy", 500.0);
    Map<String, Double> after = Map.of("plans", 4_000.0, "tenancy", 600.0);

    Map<String, Double> per = ServiceCpu.perRequest(before, after, 1_000);

    assertThat(per.get("plans")).isCloseTo(3.0, within(1e-9));
    assertThat(per.get("tenancy")).isCloseTo(0.1, within(1e-9));
    assertThat(per.get("all")).isCloseTo(3.1, within(1e-9));
  }
}
