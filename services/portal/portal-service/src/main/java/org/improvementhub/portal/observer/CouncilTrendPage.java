package org.improvementhub.portal.observer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A council's RAG trend, period by period, for a DfE observer: a stacked bar chart with the same
 * numbers in a table (the chart's text alternative). Oversight answers 404 outside the observer's
 * scope, and 403 to council users, so each gets the matching page.
 */
@Controller(value = "/oversight/councils/{council}/trend", produces = MediaType.TEXT_HTML)
public class CouncilTrendPage {

  private final Sessions sessions;
  private final Pages pages;
  private final HubServices services;
  private final CouncilNames councils;

  public CouncilTrendPage(
      Sessions sessions, Pages pages, HubServices services, CouncilNames councils) {
    this.sessions = sessions;
    this.pages = pages;
    this.services = services;
    this.councils = councils;
  }

  @Get
  public ModelAndView<Map<String, Object>> trend(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    Map<String, Object> trend =
        services.object(
            HubService.OVERSIGHT, "/oversight/councils/" + slug + "/trend", person.accessToken());
    List<TrendRow> rows =
        trend.get("periods") instanceof List<?> periods
            ? periods.stream()
                .filter(Map.class::isInstance)
                .map(p -> TrendRow.of(castMap(p)))
                .toList()
            : List.of();
    String name = councils.name(person, slug);
    Map<String, Object> model = pages.model(request, name + ": trend", "oversight");
    model.put("council", slug);
    model.put("councilName", name);
    model.put("rows", rows);
    model.put("statuses", RagStatus.all());
    model.put("barWidth", TrendRow.BAR);
    return new ModelAndView<>("trend", model);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object map) {
    return (Map<String, Object>) map;
  }
}
