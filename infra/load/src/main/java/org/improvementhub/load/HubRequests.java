package org.improvementhub.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The requests of the load, one per named figure in Gatling's report. Each reads the values the
 * {@link LoadTargets#feeder() feeder} put in the session; the names are what the bench's report
 * shows, so keep them stable.
 */
final class HubRequests {

  /**
   * What Chromium sends for a page. The portal's pages answer {@code text/html} alone with a 500
   * (Micronaut's NotAcceptableException: its page routes do not declare {@code text/html}), which a
   * browser never sees because of the {@code *}{@code /*} at the end; reported, not worked around
   * in the load beyond sending what a browser sends.
   */
  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private HubRequests() {}

  /**
   * API clients keep their connections (one pool shared by every arrival, as a browser or a
   * server-side caller would) rather than opening one per request.
   */
  static HttpProtocolBuilder protocol() {
    return http.shareConnections()
        .acceptHeader("application/json")
        .userAgentHeader("improvement-hub-load")
        .disableCaching();
  }

  // ---- issue 13's read mix ----------------------------------------------------------------

  static HttpRequestActionBuilder actionList() {
    return http("action list of 100")
        .get("#{plans}/councils/#{council}/actions?size=100&page=#{page}")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder planTree() {
    return http("plan tree")
        .get("#{plans}/councils/#{council}/programmes/#{programme}/tree")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder oneAction() {
    return http("one action")
        .get("#{plans}/councils/#{council}/actions/#{action}")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  // ---- the rest of the soak's reads -------------------------------------------------------

  static HttpRequestActionBuilder progressHistory() {
    return http("action's progress reports")
        .get("#{plans}/councils/#{council}/actions/#{action}/progress-reports")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder measureList() {
    return http("measures")
        .get("#{measures}/councils/#{council}/measures")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder measureSeries() {
    return http("measure series")
        .get("#{measures}/councils/#{council}/measures/#{measure}/series?from=2024-01&to=2025-12")
        .header("Authorization", "Bearer #{reader}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder observerDashboard() {
    return http("observer dashboard")
        .get("#{oversight}/oversight/councils?sort=red")
        .header("Authorization", "Bearer #{observer}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder observerCouncil() {
    return http("observer council summary")
        .get("#{oversight}/oversight/councils/#{council}")
        .header("Authorization", "Bearer #{observer}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder portalOverview() {
    return http("portal overview page")
        .get("#{portal}/councils/#{council}")
        .header("Accept", BROWSER_ACCEPT)
        .header("Cookie", "#{portalSession}")
        .check(status().is(200));
  }

  static HttpRequestActionBuilder portalPlan() {
    return http("portal plan page")
        .get("#{portal}/councils/#{council}/plan")
        .header("Accept", BROWSER_ACCEPT)
        .header("Cookie", "#{portalSession}")
        .check(status().is(200));
  }

  // ---- writes -----------------------------------------------------------------------------

  static HttpRequestActionBuilder progressReport() {
    return http("progress report (write)")
        .post("#{plans}/councils/#{council}/actions/#{action}/progress-reports")
        .header("Authorization", "Bearer #{writer}")
        .header("Content-Type", "application/json")
        .body(
            StringBody(
                "{\"period\":\"#{period}\",\"ragStatus\":\"#{rag}\","
                    + "\"note\":\"Reviewed at the improvement board (load)\"}"))
        .check(status().is(201));
  }

  static HttpRequestActionBuilder measureValue() {
    return http("measure value (write)")
        .put("#{measures}/councils/#{council}/measures/#{measure}/values/#{period}")
        .header("Authorization", "Bearer #{writer}")
        .header("Content-Type", "application/json")
        .body(StringBody("{\"value\":#{value},\"note\":\"Monthly return (load)\"}"))
        .check(status().in(200, 201));
  }
}
