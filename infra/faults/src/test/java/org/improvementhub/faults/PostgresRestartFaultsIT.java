package org.improvementhub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.improvementhub.faults.OutageRun.Result;
import org.junit.jupiter.api.Test;

/**
 * The CI profile of a database crash (the benchmark profile is {@link FaultsBench} {@code
 * --outages}): PostgreSQL killed with SIGKILL for a few seconds under a steady stream of writes to
 * two councils, then started again on the same data directory and port. Writes meanwhile get a 503
 * problem+json, quickly; readiness goes red and green; the connection pools recover without a
 * restart; every acknowledged write is still there and reaches oversight.
 */
class PostgresRestartFaultsIT {

  private static final Duration OUTAGE = Duration.ofSeconds(6);

  @Test
  void databaseKilledUnderLoadWritesAreRefusedCleanlyAndNothingAcknowledgedIsLost() {
    FaultStack stack = FaultStack.shared();
    Result result = new OutageRun(stack, OutageRun.databaseCrash(stack), OUTAGE).run();
    System.out.println(FaultsReport.of(result));

    assertThat(result.during().writes()).as("writes during the outage").isPositive();
    assertThat(result.all().serverErrors()).as("5xx other than 503").isZero();
    assertThat(result.all().noAnswer()).as("writes that got no answer").isZero();
    assertThat(result.all().notProblemJson()).as("errors that are not problem+json").isZero();
    assertThat(result.during().unavailable()).as("503s during the outage").isPositive();
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
