package org.improvementhub.portal.overview;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.views.ModelAndView;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.improvementhub.portal.measure.CouncilMeasures;
import org.improvementhub.portal.measure.MeasureRow;
import org.improvementhub.portal.page.Pages;
import org.improvementhub.portal.page.RagStatus;
import org.improvementhub.portal.plan.CouncilActions;
import org.improvementhub.portal.services.CouncilAddress;
import org.improvementhub.portal.services.CouncilNames;
import org.improvementhub.portal.services.HubService;
import org.improvementhub.portal.services.HubServices;
import org.improvementhub.portal.session.Person;
import org.improvementhub.portal.session.Sessions;

/**
 * A council's programme at a glance: how many actions stand at each RAG status (a table, and a bar
 * chart that the table stands in for), overdue and due-soon actions, and the Red and Amber
 * exceptions the Improvement Board asks about: the first of each, linked to the plan page that
 * lists them all.
 */
@Controller(value = "/councils/{council}", produces = MediaType.TEXT_HTML)
public class OverviewController {

  private final Sessions sessions;
  private final Pages pages;
  private final CouncilActions actions;
  private final CouncilNames councils;
  private final CouncilMeasures measures;
  private final HubServices services;

  public OverviewController(
      Sessions sessions,
      Pages pages,
      CouncilActions actions,
      CouncilNames councils,
      CouncilMeasures measures,
      HubServices services) {
    this.services = services;
    this.councils = councils;
    this.measures = measures;
    this.sessions = sessions;
    this.pages = pages;
    this.actions = actions;
  }

  @Get
  public ModelAndView<Map<String, Object>> overview(
      HttpRequest<?> request, @PathVariable String council) {
    Person person = sessions.person(request);
    String slug = CouncilAddress.slug(council);
    CompletableFuture<List<MeasureRow>> measuresOffTarget = measures.offTargetLater(person, slug);
    // what the plans service counts and lists (withdrawn actions neither counted nor listed)
    Map<String, Object> summary =
        services.object(
            HubService.PLANS, "/councils/" + slug + "/actions/summary", person.accessToken());
    long total = number(summary.get("total"));
    Map<RagStatus, Long> counts = new EnumMap<>(RagStatus.class);
    if (summary.get("statuses") instanceof List<?> statuses) {
      for (Object each : statuses) {
        if (each instanceof Map<?, ?> count && RagStatus.of(count.get("status")) != null) {
          counts.put(RagStatus.of(count.get("status")), number(count.get("count")));
        }
      }
    }
    List<RagShare> shares =
        RagStatus.all().stream()
            .map(status -> RagShare.of(status, counts.getOrDefault(status, 0L), total))
            .toList();
    LocalDate today = actions.today();
    Map<String, Object> model =
        pages.model(
            request,
            councils.name(person, slug) + ": programme overview",
            person.council() == null ? "oversight" : "overview");
    model.put("council", slug);
    model.put("councilName", councils.name(person, slug));
    model.put("total", total);
    model.put("unreported", number(summary.get("unreported")));
    model.put("shares", shares);
    model.put("exceptions", FirstActions.of(summary.get("exceptions"), today));
    model.put("overdue", FirstActions.of(summary.get("overdue"), today));
    model.put("dueSoon", FirstActions.of(summary.get("dueSoon"), today));
    model.put("measuresOffTarget", HubServices.await(measuresOffTarget));
    return new ModelAndView<>("overview", model);
  }

  private static long number(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }
}
