package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Issue 12's "load held": 80 % reads across plans, measures, oversight and the portal's pages, 20 %
 * writes (progress reports and measure values, each one a change with its events), at {@code
 * -Dload.rate} per second (default 300) for {@code -Dload.seconds} (default 600).
 */
public class MixedSoak extends Simulation {

  private final LoadShape shape = LoadShape.fromSystemProperties(300, Duration.ofMinutes(10));
  private final LoadTargets targets = LoadTargets.fromSystemProperty();

  private final ScenarioBuilder mixed =
      scenario("mixed soak")
          .feed(targets.feeder())
          .exec(
              randomSwitch()
                  .on(
                      // reads: 80 %
                      percent(15).then(HubRequests.actionList()),
                      percent(10).then(HubRequests.planTree()),
                      percent(15).then(HubRequests.oneAction()),
                      percent(5).then(HubRequests.progressHistory()),
                      percent(8).then(HubRequests.measureList()),
                      percent(5).then(HubRequests.measureSeries()),
                      percent(7).then(HubRequests.observerDashboard()),
                      percent(5).then(HubRequests.observerCouncil()),
                      percent(5).then(HubRequests.portalOverview()),
                      percent(5).then(HubRequests.portalPlan()),
                      // writes: 20 %
                      percent(10).then(HubRequests.progressReport()),
                      percent(10).then(HubRequests.measureValue())));

  {
    setUp(mixed.injectOpen(constantUsersPerSec(shape.ratePerSecond()).during(shape.duration())))
        .protocols(HubRequests.protocol())
        .maxDuration(shape.limit());
  }
}
