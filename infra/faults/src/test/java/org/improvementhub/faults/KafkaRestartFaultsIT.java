package org.improvementhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.improvementhub.faults.OutageRun.Result;
import org.junit.jupiter.api.Test;

/**
 * The CI profile of a broker outage (the benchmark profile is {@link FaultsBench} {@code
 * --outages}): the Kafka broker stopped for a few seconds under a steady stream of writes to two
 * councils, then started again on the same port and log. The services keep accepting writes (the
 * events wait in their outboxes), report not ready while the broker is away, recover without a
 * restart, and every event reaches oversight.
 */
class KafkaRestartFaultsIT {

  private static final Duration OUTAGE = Duration.ofSeconds(8);

  @Test
  void brokerStoppedUnderLoadEveryServiceRecoversAndNoEventIsLost() {
    FaultStack stack = FaultStack.shared();
    Result result = new OutageRun(stack, OutageRun.brokerStop(stack), OUTAGE).run();
    System.out.println(FaultsReport.of(result));

    assertThat(result.during().writes()).as("writes during the outage").isPositive();
    assertThat(result.all().acknowledged())
        .as("an outbox-based service accepts writes while the broker is away")
        .isEqualTo(result.all().writes());
    result
        .readiness()
        .forEach(
            (service, recovery) -> {
              assertThat(recovery.red()).as(service + " readiness went red").isNotNull();
              assertThat(recovery.green()).as(service + " readiness came back green").isNotNull();
            });
    assertThat(result.outboxLeft()).as("events left in the outboxes").isZero();
    assertThat(result.acknowledgedMissing()).as("acknowledged writes lost").isZero();
    assertThat(result.eventsLost()).as("events lost on the way to oversight").isZero();
  }
}
