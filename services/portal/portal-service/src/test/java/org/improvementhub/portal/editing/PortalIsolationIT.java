package org.improvementhub.portal.editing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One council's people never reach another council through the portal. Every portal route that
 * names a council, taken from the router (so a page added tomorrow is in tomorrow's run), is opened
 * with Walsall's addresses:
 *
 * <ul>
 *   <li>by Walsall's own council admin, who gets the page (the stand-in has data for every one), so
 *       the not-found below is the isolation's and not a missing page;
 *   <li>by Peterborough's council admin, whose own council works, who gets the not-found page for
 *       every page and every form post, and whose session sends nothing to Walsall at all;
 *   <li>by a DfE observer of Walsall, whose every post gets the refused page and changes nothing.
 * </ul>
 *
 * The stand-in services answer as the real ones do (another council's token 404, an observer's
 * write 403); the real services are tested as processes in {@code infra/journeys}, which this
 * module cannot depend on. One Micronaut context, no database or broker: about three seconds.
 */
@MicronautTest
class PortalIsolationIT extends AgainstStandInServices {

  static final String WALSALL_ID = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa";
  static final String PETERBOROUGH_ID = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb";
  static final String PERIOD = "2026-10";
  private static final String WALSALL_ADMIN = "council-admin@walsall.test";
  private static final String OUTSIDER = "council-admin@peterborough.test";
  private static final String OBSERVER = "dfe-observer@dfe.test";
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}?]+)}");
  private static final Pattern QUERY = Pattern.compile("\\{[?&][^}]*}");

  /** A council's pages; sign-in addresses that name a council (SSO) hold no council data. */
  private static final Pattern COUNCIL_PAGES =
      Pattern.compile("^(/oversight)?/councils/\\{council}(/.*)?$");

  @Inject Router router;

  @Override
  void standIn(FakeServices fake) {
    fake.guardCouncils();
    councilData(fake, "walsall", "Walsall Council", WALSALL_ID);
    councilData(fake, "peterborough", "Peterborough City Council", PETERBOROUGH_ID);
  }

  @Test
  void anotherCouncilsPagesAndFormsAreNotFoundAndObserversCannotWrite() {
    List<PortalRoute> routes = councilRoutes();
    assertThat(routes).as("the portal's council routes").hasSizeGreaterThan(30);
    List<String> failures = new ArrayList<>();

    // Walsall's own admin first: the portal then remembers Walsall's name, as it would in use
    Browsing walsall = Browsing.signedIn(server.getURI(), WALSALL_ADMIN);
    for (PortalRoute route : routes) {
      int status = route.open(walsall, "walsall", WALSALL_ID).statusCode();
      if (status == 403 || status == 404 || status >= 500) {
        failures.add("Walsall's admin got " + status + " for " + route);
      }
    }

    Browsing outsider = Browsing.signedIn(server.getURI(), OUTSIDER);
    assertThat(outsider.get("/councils/peterborough").statusCode())
        .as("Peterborough's admin sees their own council")
        .isEqualTo(200);
    fake.forgetCalls();
    for (PortalRoute route : routes) {
      HttpResponse<String> answer = route.open(outsider, "walsall", WALSALL_ID);
      if (answer.statusCode() != 404
          || !answer.body().contains("Page not found")
          || answer.body().contains("Walsall")) {
        failures.add(
            "Peterborough's admin got "
                + answer.statusCode()
                + " (not the not-found page) for "
                + route);
      }
    }
    fake.calls().stream()
        .filter(call -> call.caller().equals(OUTSIDER))
        .forEach(call -> failures.add("Peterborough's session reached a service: " + call));

    Browsing observer = Browsing.signedIn(server.getURI(), OBSERVER);
    fake.forgetCalls();
    for (PortalRoute route : routes.stream().filter(PortalRoute::writes).toList()) {
      int status = route.open(observer, "walsall", WALSALL_ID).statusCode();
      if (status != 403) {
        failures.add("The observer got " + status + " (not 403) for " + route);
      }
    }
    fake.calls().stream()
        .filter(call -> call.caller().equals(OBSERVER) && call.writes())
        .forEach(call -> failures.add("The observer's session sent a change: " + call));

    assertThat(failures).as(String.join("\n", failures)).isEmpty();
  }

  /** Every route of a council's pages, from the portal's router. */
  private List<PortalRoute> councilRoutes() {
    return router
        .uriRoutes()
        .filter(r -> r.getHttpMethod() == HttpMethod.GET || r.getHttpMethod() == HttpMethod.POST)
        .map(PortalRoute::of)
        .filter(route -> COUNCIL_PAGES.matcher(route.template()).matches())
        .distinct()
        .sorted(Comparator.comparing(PortalRoute::template).thenComparing(PortalRoute::method))
        .toList();
  }

  /**
   * One route of the portal.
   *
   * @param multipart whether its form is a file upload
   * @param query the query the route needs to show its page (a period chosen on a GET form)
   */
  record PortalRoute(HttpMethod method, String template, boolean multipart, String query) {

    static PortalRoute of(UriRouteInfo<?, ?> route) {
      String template = QUERY.matcher(route.getUriMatchTemplate().toString()).replaceAll("");
      boolean periodAsked =
          List.of(route.getArgumentNames()).contains("period") && !template.contains("{period}");
      return new PortalRoute(
          route.getHttpMethod(),
          template,
          route.getConsumes().contains(MediaType.MULTIPART_FORM_DATA_TYPE),
          periodAsked ? "?period=" + PERIOD : "");
    }

    boolean writes() {
      return method == HttpMethod.POST;
    }

    /** Opens the route for {@code council}'s record {@code id}; a form is posted empty. */
    HttpResponse<String> open(Browsing browsing, String council, String id) {
      String path = path(council, id);
      if (!writes()) {
        return browsing.get(path);
      }
      return multipart ? browsing.postNoFile(path) : browsing.post(path, Map.of());
    }

    private String path(String council, String id) {
      Matcher variables = VARIABLE.matcher(template);
      StringBuilder path = new StringBuilder();
      while (variables.find()) {
        String value =
            switch (variables.group(1)) {
              case "council" -> council;
              case "id" -> id;
              case "period" -> PERIOD;
              case "pendingId" -> UUID.randomUUID().toString();
              default ->
                  throw new IllegalStateException(
                      "Give this test a value for {" + variables.group(1) + "} in " + template);
            };
        variables.appendReplacement(path, Matcher.quoteReplacement(value));
      }
      variables.appendTail(path);
      return path + query;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /**
   * A council with one of each record, all with the same id, and the answers to its forms (also the
   * stand-in of {@code PortalFuzzIT}).
   */
  static void councilData(FakeServices fake, String slug, String name, String id) {
    String c = "/councils/" + slug;
    String action =
        ("{\"id\":\"%s\",\"ref\":\"1.1\",\"title\":\"Review the front door\",\"dueDate\":\"2027-01-01\","
                + "\"leads\":[{\"name\":\"Sam Patel\",\"email\":\"sam@%s.test\"}],"
                + "\"ragStatus\":\"AMBER\",\"programmeId\":\"%s\"}")
            .formatted(id, slug, id);
    String driver =
        "{\"id\":\"%s\",\"kind\":\"OFSTED_RECOMMENDATION\",\"ref\":\"OR 1\",\"text\":\"Front door\",\"actionIds\":[]}"
            .formatted(id);
    String risk =
        ("{\"id\":\"%s\",\"kind\":\"RISK\",\"ref\":\"R 1\",\"description\":\"Agency staff leave\","
                + "\"likelihood\":4,\"impact\":4,\"owner\":\"Director\",\"status\":\"OPEN\"}")
            .formatted(id);
    String user =
        ("{\"id\":\"%s\",\"email\":\"sam@%s.test\",\"displayName\":\"Sam Patel\","
                + "\"roles\":[\"PROGRAMME_MANAGER\"],\"disabled\":false}")
            .formatted(id, slug);
    String measure =
        ("{\"id\":\"%s\",\"name\":\"Re-referrals\",\"unit\":\"PERCENT\",\"polarity\":\"LOWER_IS_BETTER\","
                + "\"current\":{\"period\":\"2026-09\",\"value\":21.5,\"status\":\"RED\"}}")
            .formatted(id);
    String report =
        "{\"period\":\"%s\",\"ragSummary\":[{\"status\":\"RED\",\"count\":1}],\"exceptions\":[]}"
            .formatted(PERIOD);
    String proposal =
        ("{\"id\":\"%s\",\"fileName\":\"plan.docx\",\"status\":\"PROPOSED\",\"title\":\"Plan\","
                + "\"countsPerLevel\":{},\"items\":[],\"actions\":[],\"mapping\":[],\"flags\":[]}")
            .formatted(id);
    fake.on("GET", c, 200, "{\"name\":\"" + name + "\"}")
        // tenancy
        .on("GET", c + "/users", 200, "[" + user + "]")
        .on("GET", c + "/users/" + id, 200, user)
        .on("PUT", c + "/users/" + id, 200, user)
        // plans
        .on("GET", c + "/programmes", 200, "[{\"id\":\"%s\",\"name\":\"Plan\"}]".formatted(id))
        .on("GET", c + "/programmes/" + id, 200, "{\"id\":\"%s\",\"name\":\"Plan\"}".formatted(id))
        .on("GET", c + "/programmes/" + id + "/tree", 200, "{\"nodes\":[]}")
        .on("GET", c + "/programmes/" + id + "/items", 200, "[]")
        .on("GET", c + "/programmes/" + id + "/export", 200, "ref,title\n")
        .on("GET", c + "/programmes/documents/" + id, 200, proposal)
        .on("GET", c + "/programmes/documents/" + id + "/template", 200, "xlsx")
        .on("PUT", c + "/programmes/documents/" + id + "/mapping", 200, proposal)
        .on("POST", c + "/programmes/documents/" + id + "/confirm", 201, "{\"actions\":0}")
        .on("PUT", c + "/programmes/documents/" + id + "/duplicates", 200, proposal)
        .on("POST", c + "/programmes/documents/" + id + "/apply", 200, "{\"added\":0}")
        .on("GET", c + "/actions", 200, "[" + action + "]")
        .on(
            "GET",
            c + "/actions/summary",
            200,
            "{\"total\":1,\"statuses\":[],\"unreported\":1,\"exceptions\":{\"total\":0,\"first\":[]},"
                + "\"overdue\":{\"total\":0,\"first\":[]},\"dueSoon\":{\"total\":0,\"first\":[]}}")
        .on("GET", c + "/actions/" + id, 200, action)
        .on("PATCH", c + "/actions/" + id, 200, action)
        .on("GET", c + "/actions/" + id + "/progress-reports", 200, "[]")
        .on("GET", c + "/actions/" + id + "/due-date-revisions", 200, "[]")
        .on("GET", c + "/audit", 200, "{\"items\":[],\"page\":1,\"size\":50,\"total\":0}")
        .on("GET", c + "/drivers", 200, "[" + driver + "]")
        .on("GET", c + "/drivers/" + id, 200, driver)
        .on("GET", c + "/risks", 200, "[" + risk + "]")
        .on("GET", c + "/risks/" + id, 200, risk)
        // measures
        .on("GET", c + "/measures", 200, "[{\"id\":\"%s\"}]".formatted(id))
        .on("GET", c + "/measures/" + id, 200, measure)
        .on("GET", c + "/measures/" + id + "/series", 200, "{\"points\":[]}")
        .on("GET", c + "/measures/" + id + "/comparators", 200, "[]")
        .on("GET", c + "/measure-links", 200, "{\"measures\":[]}")
        // notifications
        .on(
            "GET",
            c + "/notification-settings",
            200,
            "{\"remindersEnabled\":true,\"reminderDaysBefore\":7,\"repeatEveryDays\":7,"
                + "\"escalateAfterDays\":14}")
        .on("GET", c + "/email-deliveries", 200, "[]")
        // oversight
        .on("GET", c + "/board-reports", 200, "[\"2026-09\"]")
        .on("GET", c + "/board-reports/" + PERIOD + "/draft", 200, report)
        .on("GET", c + "/board-reports/" + PERIOD + "/pdf", 200, "%PDF")
        .on("GET", c + "/board-reports/" + PERIOD + "/xlsx", 200, "xlsx")
        .on("POST", c + "/board-reports", 201, report)
        .on(
            "GET",
            "/oversight" + c + "/trend",
            200,
            "{\"council\":\"%s\",\"periods\":[]}".formatted(slug));
  }
}
