package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * {@link ReadMix} against Redmine 5 ({@code infra/bench/anchor}) loaded with the same plans: an
 * issue list of 100, the whole plan (Redmine caps a page at 100 issues, so the 600-action plan is
 * its pages one after another, timed together as the group "plan tree") and one issue, a third
 * each, at the same open-model rate and for the same time as {@code ReadMix}. The paths come from
 * the anchor's {@code read-paths.csv} ({@code -Dload.targets} names a {@link RedmineTargets} file).
 */
public class RedmineReadMix extends Simulation {

  private final LoadShape shape = LoadShape.fromSystemProperties(300, Duration.ofSeconds(60));
  private final RedmineTargets targets = RedmineTargets.fromSystemProperty();

  private final ScenarioBuilder reads =
      scenario("redmine read mix")
          .feed(targets.feeder())
          .exec(
              randomSwitch()
                  .on(
                      percent(33.4).then(read("action list of 100", "#{list}")),
                      percent(33.3)
                          .then(
                              group("plan tree")
                                  .on(
                                      foreach(session -> session.getList("treePages"), "page")
                                          .on(exec(read("plan tree page", "#{page}"))))),
                      percent(33.3).then(read("one action", "#{issue}"))));

  private io.gatling.javaapi.http.HttpRequestActionBuilder read(String name, String url) {
    return http(name)
        .get(url)
        .header("X-Redmine-API-Key", targets.apiKey())
        .check(status().is(200));
  }

  {
    setUp(reads.injectOpen(constantUsersPerSec(shape.ratePerSecond()).during(shape.duration())))
        .protocols(HubRequests.protocol())
        .maxDuration(shape.limit());
  }
}
