package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Issue 13's first row: an action list of 100, a 600-action plan tree and one action, a third each,
 * arriving at {@code -Dload.rate} per second (default 300) for {@code -Dload.seconds} (default 60),
 * across every provisioned council.
 */
public class ReadMix extends Simulation {

  private final LoadShape shape = LoadShape.fromSystemProperties(300, Duration.ofSeconds(60));
  private final LoadTargets targets = LoadTargets.fromSystemProperty();

  private final ScenarioBuilder reads =
      scenario("read mix")
          .feed(targets.feeder())
          .exec(
              randomSwitch()
                  .on(
                      percent(33.4).then(HubRequests.actionList()),
                      percent(33.3).then(HubRequests.planTree()),
                      percent(33.3).then(HubRequests.oneAction())));

  {
    setUp(reads.injectOpen(constantUsersPerSec(shape.ratePerSecond()).during(shape.duration())))
        .protocols(HubRequests.protocol())
        .maxDuration(shape.limit());
  }
}
