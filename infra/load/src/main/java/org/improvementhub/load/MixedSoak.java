package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 12's "load held": 80 % reads across plans, measures, oversight and the portal's pages, 20 %
 * writes (progress reports and measure values, each one a change with its events), at {@code
 * -Dload.rate} per second (default 300) for {@code -Dload.seconds} (default 600), after the {@link
 * WarmUp} of {@code -Dload.warmup} if any. Every request runs in the group {@value #SOAK} or
 * {@value #WARM_UP}, so the report gives the measured load's figures apart from the warm-up's.
 */
public class MixedSoak extends Simulation {

  /** The group of the measured requests. */
  public static final String SOAK = "soak";

  /** The group of the warm-up's requests. */
  public static final String WARM_UP = "warm-up";

  private final LoadShape shape = LoadShape.fromSystemProperties(300, Duration.ofMinutes(10));
  private final LoadTargets targets = LoadTargets.fromSystemProperty();
  private final WarmUp warmUp = WarmUp.fromSystemProperty();

  private ScenarioBuilder mixed(String phase) {
    return scenario(phase)
        .feed(targets.feeder())
        .group(phase)
        .on(
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
  }

  {
    List<PopulationBuilder> populations = new ArrayList<>();
    // both start together: the measured load waits out the warm-up, so it follows without a gap
    OpenInjectionStep measured =
        constantUsersPerSec(shape.ratePerSecond()).during(shape.duration());
    if (warmUp.isEmpty()) {
      populations.add(mixed(SOAK).injectOpen(measured));
    } else {
      populations.add(mixed(SOAK).injectOpen(nothingFor(warmUp.duration()), measured));
      populations.add(mixed(WARM_UP).injectOpen(warmUp.injection()));
    }
    setUp(populations)
        .protocols(HubRequests.protocol())
        .maxDuration(shape.limit().plus(warmUp.duration()));
  }
}
